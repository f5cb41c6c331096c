import { afterEach, describe, expect, it, vi } from "vitest";
import { createMockBackend, type RestMockOptions } from "../../../mock/backend";
import { serveMock, type RunningMock } from "../../../mock/kit/server";
import { createBackendAdapter, type AdapterOptions } from "./adapter";
import { backendEnvSchema, toBackendConfig } from "./config";
import { BackendError, isBackendError, type BackendErrorCode } from "./errors";
import type { BackendAdapter } from "./types";

const DEMO = { username: "demo", password: "demo-password" };
const running: RunningMock[] = [];

/** The settings that point the adapter at the mock's `custom` variant, as a user would write them. */
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
  REST_DEMO_RESOURCE_PATH: "api/v1/items",
};

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(running.splice(0).map((mock) => mock.close()));
});

async function startMock(options: Partial<RestMockOptions> = {}): Promise<RunningMock> {
  const mock = await serveMock(
    await createMockBackend({ accessTtlSeconds: 60, refreshTtlSeconds: 3600, ...options }),
    0,
  );
  running.push(mock);
  return mock;
}

/** Stop a mock early, so that its port is closed: a backend that is down. */
async function stopMock(mock: RunningMock): Promise<void> {
  running.splice(running.indexOf(mock), 1);
  await mock.close();
}

function adapterFor(
  backendUrl: string,
  env: Record<string, string> = {},
  options: AdapterOptions = {},
): BackendAdapter {
  const config = toBackendConfig({ backendUrl, timeoutMs: 2000 }, backendEnvSchema.parse(env));
  return createBackendAdapter(config, options);
}

/** The code of the `BackendError` a promise rejects with. */
async function errorCode(promise: Promise<unknown>): Promise<BackendErrorCode> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isBackendError(error)) throw new Error(`expected a BackendError, got ${String(error)}`);
  return error.code;
}

/** A backend that answers every request with the given status and body. */
function answering(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(typeof body === "string" ? body : JSON.stringify(body), {
      status,
      headers: { "Content-Type": typeof body === "string" ? "text/html" : "application/json" },
    });
}

describe("REST adapter against the DummyJSON-style mock", () => {
  it("signs in with the demo user and takes the expiry from the access token's exp claim", async () => {
    const start = Date.UTC(2030, 0, 1);
    const mock = await startMock({ now: () => start });
    const tokens = await adapterFor(mock.url).login(DEMO);
    expect(tokens.accessToken).not.toBe(tokens.refreshToken);
    expect(tokens.accessTokenExpiresAt).toBe(start + 60_000);
    expect(tokens.refreshTokenExpiresAt).toBe(start + 3_600_000);
  });

  it("gives the same invalid_credentials error for a wrong password and an unknown user", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url);
    const wrongPassword = await adapter
      .login({ username: "demo", password: "nope" })
      .catch((e: unknown) => e);
    const unknownUser = await adapter
      .login({ username: "nobody", password: "nope" })
      .catch((e: unknown) => e);
    expect(wrongPassword).toBeInstanceOf(BackendError);
    expect(wrongPassword).toMatchObject({ code: "invalid_credentials", status: 400 });
    expect(unknownUser).toMatchObject({
      code: "invalid_credentials",
      message: (wrongPassword as BackendError).message,
    });
    expect(mock.store.stats.failedLogins).toBe(2);
  });

  it("rotates on refresh, after which the old refresh and old access tokens are refused", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url);
    const first = await adapter.login(DEMO);
    const second = await adapter.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(await errorCode(adapter.refresh(first.refreshToken))).toBe("refresh_rejected");
    expect(await errorCode(adapter.me(first.accessToken))).toBe("unauthorized");
    expect(await adapter.me(second.accessToken)).toEqual({
      id: "1",
      name: "demo",
      email: "demo@example.com",
      roles: ["admin"],
    });
    expect(mock.store.stats).toMatchObject({ refreshes: 1, reusedRefreshes: 1 });
  });

  it("lets only one of two simultaneous refreshes with the same token win", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url);
    const { refreshToken } = await adapter.login(DEMO);
    const results = await Promise.allSettled([
      adapter.refresh(refreshToken),
      adapter.refresh(refreshToken),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const loser = results.find((result) => result.status === "rejected");
    expect(loser?.reason).toMatchObject({ code: "refresh_rejected" });
  });

  it("rejects an expired refresh token as refresh_rejected", async () => {
    let clock = Date.UTC(2030, 0, 1);
    const mock = await startMock({ now: () => clock, refreshTtlSeconds: 120 });
    const adapter = adapterFor(mock.url);
    const tokens = await adapter.login(DEMO);
    clock += 121_000;
    expect(await errorCode(adapter.refresh(tokens.refreshToken))).toBe("refresh_rejected");
  });

  it("rejects an expired access token ('Token Expired!') as unauthorized", async () => {
    let clock = Date.UTC(2030, 0, 1);
    const mock = await startMock({ now: () => clock, accessTtlSeconds: 30 });
    const adapter = adapterFor(mock.url);
    const tokens = await adapter.login(DEMO);
    clock += 31_000;
    const error = await adapter.me(tokens.accessToken).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unauthorized", status: 401 });
    expect((error as BackendError).message).toContain("Token Expired!");
    expect(await errorCode(adapter.items(tokens.accessToken))).toBe("unauthorized");
  });

  it("reads the signed-in user and the demo items out of DummyJSON's envelope", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url);
    const tokens = await adapter.login({ username: "alice", password: "alice-password" });
    expect(await adapter.me(tokens.accessToken)).toEqual({
      id: "2",
      name: "alice",
      email: "alice@example.com",
      roles: ["user"],
    });
    const items = await adapter.items(tokens.accessToken);
    expect(items.map((item) => item.id)).toEqual(["101", "102", "103"]);
    expect(adapter.demoResourcePath).toBe("api/items");
    expect(adapter.defaultProxyPrefixes).toEqual(["api/"]);
  });

  it("revokes every token of the session on logout", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url);
    const tokens = await adapter.login(DEMO);
    await adapter.logout(tokens);
    expect(mock.store.stats.logouts).toBe(1);
    expect(await errorCode(adapter.me(tokens.accessToken))).toBe("unauthorized");
    expect(await errorCode(adapter.refresh(tokens.refreshToken))).toBe("refresh_rejected");
  });

  it("still resolves logout when the backend refuses it or is gone, logging no token", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url);
    const tokens = await adapter.login(DEMO);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await adapter.logout(tokens);
    await expect(adapter.logout(tokens)).resolves.toBeUndefined();
    await stopMock(mock);
    await expect(adapter.logout(tokens)).resolves.toBeUndefined();
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining("(unauthorized)"),
      expect.stringContaining("(unavailable)"),
    ]);
    expect(warn.mock.calls.join(" ")).not.toContain(tokens.accessToken);
  });

  it("does not call the backend on logout when REST_LOGOUT_PATH is none", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url, { REST_LOGOUT_PATH: "none" });
    const tokens = await adapter.login(DEMO);
    await adapter.logout(tokens);
    expect(mock.store.stats.logouts).toBe(0);
    expect(await adapter.me(tokens.accessToken)).toMatchObject({ name: "demo" });
  });

  it("reports a wrong auth path as misconfigured", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url, {
      REST_LOGIN_PATH: "/api/login",
      REST_ME_PATH: "/users/me",
    });
    expect(await errorCode(adapter.login(DEMO))).toBe("misconfigured");
    const tokens = await adapterFor(mock.url).login(DEMO);
    expect(await errorCode(adapter.me(tokens.accessToken))).toBe("misconfigured");
  });

  it("reports a backend that is not running as unavailable", async () => {
    const mock = await startMock();
    await stopMock(mock);
    expect(await errorCode(adapterFor(mock.url).login(DEMO))).toBe("unavailable");
  });
});

describe("REST adapter configured through its environment variables only", () => {
  it("speaks the custom API: other paths and fields, expires_in, opaque tokens, renew_token in the body", async () => {
    const start = Date.UTC(2030, 0, 1);
    const mock = await startMock({ variant: "custom" });
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
    expect(await adapter.items(second.accessToken)).toHaveLength(3);
    expect(adapter.demoResourcePath).toBe("api/v1/items");
    await adapter.logout(second);
    expect(mock.store.stats.logouts).toBe(1);
    expect(await errorCode(adapter.refresh(second.refreshToken))).toBe("refresh_rejected");
  });

  it("sends the refresh token as a Bearer token when REST_REFRESH_TOKEN_IN is bearer", async () => {
    const mock = await startMock({ variant: "custom" });
    const adapter = adapterFor(mock.url, { ...CUSTOM_ENV, REST_REFRESH_TOKEN_IN: "bearer" });
    const tokens = await adapter.refresh((await adapter.login(DEMO)).refreshToken);
    expect(await adapter.me(tokens.accessToken)).toMatchObject({ name: "Demo User" });
    expect(mock.store.stats.refreshes).toBe(1);
  });

  it("maps the custom API's 401 for a wrong login to invalid_credentials", async () => {
    const mock = await startMock({ variant: "custom" });
    const error = await adapterFor(mock.url, CUSTOM_ENV)
      .login({ username: "demo", password: "nope" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_credentials", status: 401 });
  });

  it("finds no tokens in the custom API's answers with the DummyJSON defaults", async () => {
    const mock = await startMock({ variant: "custom" });
    const { REST_LOGIN_PATH, REST_USERNAME_FIELD, REST_PASSWORD_FIELD } = CUSTOM_ENV;
    const env = { REST_LOGIN_PATH, REST_USERNAME_FIELD, REST_PASSWORD_FIELD };
    expect(await errorCode(adapterFor(mock.url, env).login(DEMO))).toBe("bad_response");
  });

  it("refuses settings that are not field names", () => {
    expect(backendEnvSchema.safeParse({ REST_ACCESS_TOKEN_FIELD: "access token" }).success).toBe(
      false,
    );
    expect(backendEnvSchema.safeParse({ REST_REFRESH_TOKEN_IN: "cookie" }).success).toBe(false);
  });
});

describe("REST adapter's mapping of backend answers", () => {
  const anyAdapter = (fetchImpl: typeof fetch) =>
    adapterFor("http://backend.invalid", {}, { fetch: fetchImpl });
  type Call = (adapter: BackendAdapter) => Promise<unknown>;
  const login: Call = (a) => a.login(DEMO);
  const refresh: Call = (a) => a.refresh("refresh-token");
  const me: Call = (a) => a.me("access-token");
  const items: Call = (a) => a.items("access-token");
  const message = (text: string) => ({ message: text });

  const cases: {
    name: string;
    call: Call;
    status: number;
    body: unknown;
    expected: BackendErrorCode;
  }[] = [
    {
      name: "a 400 on login",
      call: login,
      status: 400,
      body: message("Invalid credentials"),
      expected: "invalid_credentials",
    },
    {
      name: "a 401 on login",
      call: login,
      status: 401,
      body: { error: "invalid login" },
      expected: "invalid_credentials",
    },
    {
      name: "a 403 on refresh",
      call: refresh,
      status: 403,
      body: message("Invalid refresh token"),
      expected: "refresh_rejected",
    },
    {
      name: "a 401 on refresh",
      call: refresh,
      status: 401,
      body: message("Refresh token required"),
      expected: "refresh_rejected",
    },
    {
      name: "a 401 'Token Expired!' on me",
      call: me,
      status: 401,
      body: message("Token Expired!"),
      expected: "unauthorized",
    },
    {
      name: "a 401 on the demo resource",
      call: items,
      status: 401,
      body: message("Access Token is required"),
      expected: "unauthorized",
    },
    {
      name: "a 429 on login",
      call: login,
      status: 429,
      body: message("Too many requests"),
      expected: "throttled",
    },
    {
      name: "a 404 on refresh",
      call: refresh,
      status: 404,
      body: "<h1>Not Found</h1>",
      expected: "misconfigured",
    },
    {
      name: "a 500 on login",
      call: login,
      status: 500,
      body: message("boom"),
      expected: "unavailable",
    },
    {
      name: "a 502 page on me",
      call: me,
      status: 502,
      body: "<h1>Bad Gateway</h1>",
      expected: "unavailable",
    },
    {
      name: "a 400 on refresh",
      call: refresh,
      status: 400,
      body: message("Bad request"),
      expected: "bad_response",
    },
    {
      name: "a 403 on me",
      call: me,
      status: 403,
      body: message("Forbidden"),
      expected: "bad_response",
    },
    {
      name: "a 200 HTML page on login",
      call: login,
      status: 200,
      body: "<html>Welcome</html>",
      expected: "bad_response",
    },
    {
      name: "a 200 without a refresh token on refresh",
      call: refresh,
      status: 200,
      body: { accessToken: "a.b.c" },
      expected: "bad_response",
    },
    {
      name: "a 200 with a negative expiresIn on login",
      call: login,
      status: 200,
      body: { accessToken: "x", refreshToken: "y", expiresIn: -5 },
      expected: "bad_response",
    },
    {
      name: "a 200 user without an id on me",
      call: me,
      status: 200,
      body: { username: "demo" },
      expected: "bad_response",
    },
    {
      name: "a 200 object without items on the demo resource",
      call: items,
      status: 200,
      body: { products: [] },
      expected: "bad_response",
    },
  ];

  it.each(cases)("maps $name to $expected", async ({ call, status, body, expected }) => {
    expect(await errorCode(call(anyAdapter(answering(status, body))))).toBe(expected);
  });

  it("uses expiresIn when the answer has it, even for a JWT", async () => {
    const jwt = "eyJhbGciOiJub25lIn0.eyJleHAiOjEwfQ.";
    const adapter = adapterFor(
      "http://backend.invalid",
      {},
      {
        fetch: answering(200, { accessToken: jwt, refreshToken: "opaque", expiresIn: "900" }),
        now: () => 1_000_000,
      },
    );
    expect(await adapter.login(DEMO)).toMatchObject({
      accessTokenExpiresAt: 1_000_000 + 900_000,
      refreshTokenExpiresAt: undefined,
    });
  });

  it("reads a user whose e-mail is null as one without an e-mail", async () => {
    const adapter = anyAdapter(answering(200, { id: 7, username: "demo", email: null }));
    expect(await adapter.me("access-token")).toEqual({
      id: "7",
      name: "demo",
      email: undefined,
      roles: [],
    });
  });

  it("refuses a roles field that holds something other than roles as bad_response", async () => {
    const adapter = anyAdapter(answering(200, { id: 7, username: "demo", role: { id: 1 } }));
    expect(await errorCode(adapter.me("access-token"))).toBe("bad_response");
  });

  it("refuses an opaque access token that carries no expiry as bad_response", async () => {
    const adapter = anyAdapter(answering(200, { accessToken: "opaque", refreshToken: "opaque" }));
    expect(await errorCode(adapter.login(DEMO))).toBe("bad_response");
  });

  it("reports a backend that does not answer in time as unavailable", async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    const config = toBackendConfig(
      { backendUrl: "http://backend.invalid", timeoutMs: 50 },
      backendEnvSchema.parse({}),
    );
    expect(await errorCode(createBackendAdapter(config, { fetch: hanging }).login(DEMO))).toBe(
      "unavailable",
    );
  });
});
