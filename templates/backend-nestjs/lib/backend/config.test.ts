import { describe, expect, it } from "vitest";
import { createBackendAdapter } from "@/lib/next-jwt-auth/backend/adapter";
import {
  answering,
  DEMO,
  errorCode,
  mockServers,
} from "@/lib/next-jwt-auth/backend/adapter-test-kit";
import type { BackendAdapter } from "@/lib/next-jwt-auth/backend/types";
import type { RunningMock } from "@/mock/kit/server";
import { PROTOCOL } from "@/mock/protocol";
import { backendEnvSchema, toBackendConfig } from "./config";

const mocks = mockServers();

function startMock(protocol = PROTOCOL): Promise<RunningMock> {
  return mocks.start({ protocol });
}

function adapterFor(
  backendUrl: string,
  env: Record<string, string> = {},
  fetchImpl?: typeof fetch,
): BackendAdapter {
  const config = toBackendConfig({ backendUrl, timeoutMs: 2000 }, backendEnvSchema.parse(env));
  return createBackendAdapter(config, fetchImpl ? { fetch: fetchImpl } : {});
}

describe("the NestJS preset", () => {
  it("treats ValidationPipe's 400 for an empty password as invalid_credentials, with its message", async () => {
    const mock = await startMock();
    const error = await adapterFor(mock.url)
      .login({ username: "demo", password: "" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_credentials", status: 400 });
    expect((error as Error).message).toContain("password should not be empty");
  });

  it.each([
    [
      "NestJS's own 400 body",
      { statusCode: 400, message: ["username must be a string"], error: "Bad Request" },
      "invalid_credentials",
    ],
    ["a 400 page from something in front of NestJS", "<h1>Bad Request</h1>", "bad_response"],
  ] as const)("maps %s on login to %s", async (_, body, expected) => {
    expect(
      await errorCode(adapterFor("http://backend.invalid", {}, answering(400, body)).login(DEMO)),
    ).toBe(expected);
  });

  it("reads the user from the profile the recipe answers ({sub, username, roles})", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url);
    const tokens = await adapter.login({ username: "alice", password: "alice-password" });
    expect(await adapter.me(tokens.accessToken)).toEqual({
      id: "2",
      name: "alice",
      email: undefined,
      roles: [],
    });
  });

  it("reads the roles the profile carries, under NEST_USER_ROLES_FIELD", async () => {
    const body = { sub: 7, username: "demo", permissions: ["admin", "editor"] };
    const adapter = adapterFor(
      "http://backend.invalid",
      { NEST_USER_ROLES_FIELD: "permissions" },
      answering(200, body),
    );
    expect(await adapter.me("access-token")).toMatchObject({ roles: ["admin", "editor"] });
  });

  it("refuses one role as a string as bad_response: the recipe's Role[] is always a list", async () => {
    const adapter = adapterFor(
      "http://backend.invalid",
      {},
      answering(200, { sub: 7, username: "demo", roles: "admin" }),
    );
    expect(await errorCode(adapter.me("access-token"))).toBe("bad_response");
  });

  it("speaks camelCase token fields when configured to", async () => {
    const mock = await startMock({
      ...PROTOCOL,
      tokenFields: { accessToken: "accessToken", refreshToken: "refreshToken" },
    });
    const env = {
      NEST_ACCESS_TOKEN_FIELD: "accessToken",
      NEST_REFRESH_TOKEN_FIELD: "refreshToken",
    };
    const adapter = adapterFor(mock.url, env);
    const tokens = await adapter.refresh((await adapter.login(DEMO)).refreshToken);
    expect(await adapter.me(tokens.accessToken)).toMatchObject({ name: "demo" });
    // The default snake_case names do not find the tokens in a camelCase answer.
    expect(await errorCode(adapterFor(mock.url).login(DEMO))).toBe("bad_response");
  });

  it("reports a wrong NEST_PROFILE_PATH as misconfigured, naming the setting", async () => {
    const mock = await startMock();
    const tokens = await adapterFor(mock.url).login(DEMO);
    const error = await adapterFor(mock.url, { NEST_PROFILE_PATH: "/me" })
      .me(tokens.accessToken)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "misconfigured" });
    expect((error as Error).message).toContain("NEST_*_PATH");
  });

  it.each([
    ["none", undefined],
    ["/auth/signout", "/auth/signout"],
  ])("reads NEST_LOGOUT_PATH=%s as the logout path %s", (setting, expected) => {
    const config = toBackendConfig(
      { backendUrl: "http://backend.invalid", timeoutMs: 1 },
      backendEnvSchema.parse({ NEST_LOGOUT_PATH: setting }),
    );
    expect(config.paths.logout).toBe(expected);
  });
});
