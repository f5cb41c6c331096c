import { describe, expect, it } from "vitest";
import { createBackendAdapter, type AdapterOptions } from "@/lib/next-jwt-auth/backend/adapter";
import {
  answering,
  DEMO,
  errorCode,
  mockServers,
} from "@/lib/next-jwt-auth/backend/adapter-test-kit";
import type { BackendAdapter } from "@/lib/next-jwt-auth/backend/types";
import type { RunningMock } from "@/mock/kit/server";
import { CUSTOM } from "@/mock/protocol";
import { backendEnvSchema, toBackendConfig } from "./config";

const mocks = mockServers();

/** The settings that point the adapter at the mock's `CUSTOM` API, as a user would write them. */
const CUSTOM_ENV = {
  REST_LOGIN_PATH: "/api/v1/session",
  REST_REFRESH_PATH: "/api/v1/session/renew",
  REST_ME_PATH: "/api/v1/whoami",
  REST_LOGOUT_PATH: "/api/v1/session/end",
  REST_USERNAME_FIELD: "login",
  REST_PASSWORD_FIELD: "secret",
  REST_ACCESS_TOKEN_FIELD: "access_token",
  REST_REFRESH_TOKEN_FIELD: "renew_token",
  REST_EXPIRES_IN_FIELD: "expires_in",
  REST_REFRESH_TOKEN_IN: "body",
  REST_REFRESH_BODY_FIELD: "renew_token",
  REST_USER_ID_FIELD: "user_id",
  REST_USER_NAME_FIELD: "display_name",
  REST_USER_EMAIL_FIELD: "mail",
  REST_USER_ROLES_FIELD: "groups",
};

function startCustomMock(): Promise<RunningMock> {
  return mocks.start({ protocol: CUSTOM });
}

function adapterFor(
  backendUrl: string,
  env: Record<string, string> = {},
  options: AdapterOptions = {},
): BackendAdapter {
  const config = toBackendConfig({ backendUrl, timeoutMs: 2000 }, backendEnvSchema.parse(env));
  return createBackendAdapter(config, options);
}

describe("the REST preset configured through its environment variables only", () => {
  it("speaks the custom API: other paths and fields, expires_in, opaque tokens, renew_token in the body", async () => {
    const start = Date.UTC(2030, 0, 1);
    const mock = await startCustomMock();
    const adapter = adapterFor(mock.url, CUSTOM_ENV, { now: () => start });
    const first = await adapter.login(DEMO);
    // Opaque tokens: the lifetime can only come from expires_in.
    expect(first.accessTokenExpiresAt).toBe(start + 60_000);
    expect(first.refreshTokenExpiresAt).toBeUndefined();
    const second = await adapter.refresh(first.refreshToken);
    expect(await errorCode(adapter.refresh(first.refreshToken))).toBe("refresh_rejected");
    expect(await errorCode(adapter.me(first.accessToken))).toBe("unauthorized");
    expect(await adapter.me(second.accessToken)).toEqual({
      id: "1",
      name: "Demo User",
      email: "demo@example.com",
      roles: ["admin"],
    });
    await adapter.logout(second);
    expect(mock.store.stats.logouts).toBe(1);
    expect(await errorCode(adapter.refresh(second.refreshToken))).toBe("refresh_rejected");
  });

  it("sends the refresh token as a Bearer token when REST_REFRESH_TOKEN_IN is bearer", async () => {
    const mock = await startCustomMock();
    const adapter = adapterFor(mock.url, { ...CUSTOM_ENV, REST_REFRESH_TOKEN_IN: "bearer" });
    const tokens = await adapter.refresh((await adapter.login(DEMO)).refreshToken);
    expect(await adapter.me(tokens.accessToken)).toMatchObject({ name: "Demo User" });
    expect(mock.store.stats.refreshes).toBe(1);
  });

  it("maps the custom API's 401 for a wrong login to invalid_credentials", async () => {
    const mock = await startCustomMock();
    const error = await adapterFor(mock.url, CUSTOM_ENV)
      .login({ username: "demo", password: "nope" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_credentials", status: 401 });
  });

  it("finds no tokens in the custom API's answers with the DummyJSON defaults", async () => {
    const mock = await startCustomMock();
    const { REST_LOGIN_PATH, REST_USERNAME_FIELD, REST_PASSWORD_FIELD } = CUSTOM_ENV;
    const env = { REST_LOGIN_PATH, REST_USERNAME_FIELD, REST_PASSWORD_FIELD };
    expect(await errorCode(adapterFor(mock.url, env).login(DEMO))).toBe("bad_response");
  });

  it.each([
    ["none", undefined],
    ["-", undefined],
    ["/auth/signout", "/auth/signout"],
  ])("reads REST_LOGOUT_PATH=%s as the logout path %s", (setting, expected) => {
    const config = toBackendConfig(
      { backendUrl: "http://backend.invalid", timeoutMs: 1 },
      backendEnvSchema.parse({ REST_LOGOUT_PATH: setting }),
    );
    expect(config.paths.logout).toBe(expected);
  });

  it.each([
    ["a field name with a space", { REST_ACCESS_TOKEN_FIELD: "access token" }],
    ["a refresh token carried in a cookie", { REST_REFRESH_TOKEN_IN: "cookie" }],
  ])("refuses %s", (_, env) => {
    expect(backendEnvSchema.safeParse(env).success).toBe(false);
  });
});

describe("the REST preset's reading of answers", () => {
  const anyAdapter = (fetchImpl: typeof fetch) =>
    adapterFor("http://backend.invalid", {}, { fetch: fetchImpl, now: () => 1_000_000 });

  it("reads DummyJSON's one role as the user's roles", async () => {
    const mock = await mocks.start();
    const adapter = adapterFor(mock.url);
    const tokens = await adapter.login({ username: "alice", password: "alice-password" });
    expect(await adapter.me(tokens.accessToken)).toEqual({
      id: "2",
      name: "alice",
      email: "alice@example.com",
      roles: ["user"],
    });
  });

  it("reads a list of roles under REST_USER_ROLES_FIELD", async () => {
    const body = { id: 7, username: "demo", permissions: ["admin", "editor"] };
    const adapter = adapterFor(
      "http://backend.invalid",
      { REST_USER_ROLES_FIELD: "permissions" },
      { fetch: answering(200, body) },
    );
    expect(await adapter.me("access-token")).toMatchObject({ roles: ["admin", "editor"] });
  });

  it.each([
    ["a 400 {message} (DummyJSON)", 400, { message: "Invalid credentials" }],
    ["a 401 {error}", 401, { error: "invalid login" }],
  ])("maps %s on login to invalid_credentials", async (_, status, body) => {
    expect(await errorCode(anyAdapter(answering(status, body)).login(DEMO))).toBe(
      "invalid_credentials",
    );
  });

  it("maps a 400 on refresh to bad_response: only 401 and 403 end a session", async () => {
    expect(await errorCode(anyAdapter(answering(400, { message: "Bad" })).refresh("r"))).toBe(
      "bad_response",
    );
  });

  it("uses expiresIn when the answer has it, even for a JWT, and refuses a negative one", async () => {
    const jwt = "eyJhbGciOiJub25lIn0.eyJleHAiOjEwfQ.";
    const good = { accessToken: jwt, refreshToken: "opaque", expiresIn: "900" };
    expect(await anyAdapter(answering(200, good)).login(DEMO)).toMatchObject({
      accessTokenExpiresAt: 1_000_000 + 900_000,
      refreshTokenExpiresAt: undefined,
    });
    const negative = { ...good, expiresIn: -5 };
    expect(await errorCode(anyAdapter(answering(200, negative)).login(DEMO))).toBe("bad_response");
  });
});
