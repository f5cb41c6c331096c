import { describe, expect, it } from "vitest";
import { DEMO_CONSUMER } from "@/mock/backend";
import { backendEnvSchema, toBackendConfig } from "./config";

describe("Drupal backend config", () => {
  it("defaults to the mock's demo consumer and the userinfo endpoint", () => {
    const config = toBackendConfig(
      { backendUrl: "http://127.0.0.1:4010/", timeoutMs: 5000 },
      backendEnvSchema.parse({}),
    );
    expect(config).toEqual({
      baseUrl: "http://127.0.0.1:4010",
      timeoutMs: 5000,
      clientId: DEMO_CONSUMER.clientId,
      clientSecret: DEMO_CONSUMER.secret,
      scope: undefined,
      userSource: "userinfo",
    });
  });

  it.each([
    ["an unknown user source", { DRUPAL_USER_SOURCE: "graphql" }],
    ["a blank client id", { DRUPAL_CLIENT_ID: "  " }],
  ])("refuses %s", (_, env) => {
    expect(backendEnvSchema.safeParse(env).success).toBe(false);
  });
});
