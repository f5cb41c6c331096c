import { afterEach, describe, expect, it, vi } from "vitest";
import { createMockBackend, type NestMockOptions } from "../../../mock/backend";
import { serveMock, type RunningMock } from "../../../mock/kit/server";
import { createBackendAdapter } from "./adapter";
import { backendEnvSchema, toBackendConfig } from "./config";
import { BackendError, isBackendError, type BackendErrorCode } from "./errors";
import type { BackendAdapter } from "./types";

const DEMO = { username: "demo", password: "demo-password" };
const running: RunningMock[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(running.splice(0).map((mock) => mock.close()));
});

/** Stop a mock early, so that its port is closed: a backend that is down. */
async function stopMock(mock: RunningMock): Promise<void> {
  running.splice(running.indexOf(mock), 1);
  await mock.close();
}

async function startMock(options: Partial<NestMockOptions> = {}): Promise<RunningMock> {
  const mock = await serveMock(
    await createMockBackend({ accessTtlSeconds: 60, refreshTtlSeconds: 3600, ...options }),
    0,
  );
  running.push(mock);
  return mock;
}

function adapterFor(
  backendUrl: string,
  env: Record<string, string> = {},
  options: Parameters<typeof createBackendAdapter>[1] = {},
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

describe("NestJS adapter against the NestJS mock", () => {
  it("signs in with the demo user and gets a pair whose expiry is the access token's exp claim", async () => {
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
    expect(wrongPassword).toMatchObject({ code: "invalid_credentials", status: 401 });
    expect(unknownUser).toMatchObject({
      code: "invalid_credentials",
      message: (wrongPassword as BackendError).message,
    });
  });

  it("treats ValidationPipe's 400 for an empty password as invalid_credentials", async () => {
    const mock = await startMock();
    const error = await adapterFor(mock.url)
      .login({ username: "demo", password: "" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_credentials", status: 400 });
    expect((error as BackendError).message).toContain("password should not be empty");
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
    expect(await adapter.me(second.accessToken)).toMatchObject({
      id: "1",
      name: "demo",
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

  it("rejects an expired access token as unauthorized", async () => {
    let clock = Date.UTC(2030, 0, 1);
    const mock = await startMock({ now: () => clock, accessTtlSeconds: 30 });
    const adapter = adapterFor(mock.url);
    const tokens = await adapter.login(DEMO);
    clock += 31_000;
    expect(await errorCode(adapter.me(tokens.accessToken))).toBe("unauthorized");
    expect(await errorCode(adapter.items(tokens.accessToken))).toBe("unauthorized");
  });

  it("reads the signed-in user from the profile and the demo items", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url);
    const tokens = await adapter.login({ username: "alice", password: "alice-password" });
    expect(await adapter.me(tokens.accessToken)).toEqual({
      id: "2",
      name: "alice",
      email: undefined,
      roles: [],
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

  it("still resolves logout when the backend refuses it or is gone", async () => {
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

  it("does not call the backend on logout when NEST_LOGOUT_PATH is none", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url, { NEST_LOGOUT_PATH: "none" });
    const tokens = await adapter.login(DEMO);
    await adapter.logout(tokens);
    expect(mock.store.stats.logouts).toBe(0);
    expect(await adapter.me(tokens.accessToken)).toMatchObject({ name: "demo" });
  });

  it("speaks camelCase token fields when configured to", async () => {
    const mock = await startMock({
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

  it("reports a wrong auth path as misconfigured", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url, {
      NEST_LOGIN_PATH: "/api/auth/login",
      NEST_PROFILE_PATH: "/me",
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

describe("NestJS adapter's mapping of backend answers", () => {
  const nestError = (statusCode: number, message: string | string[], error?: string) => ({
    statusCode,
    message,
    ...(error && { error }),
  });
  const anyAdapter = (fetchImpl: typeof fetch) =>
    adapterFor("http://backend.invalid", {}, { fetch: fetchImpl });
  type Call = (adapter: BackendAdapter) => Promise<unknown>;
  const login: Call = (a) => a.login(DEMO);
  const refresh: Call = (a) => a.refresh("refresh-token");
  const me: Call = (a) => a.me("access-token");
  const items: Call = (a) => a.items("access-token");

  const cases: {
    name: string;
    call: Call;
    status: number;
    body: unknown;
    expected: BackendErrorCode;
  }[] = [
    {
      name: "a bare 401 on login (passport-local guard)",
      call: login,
      status: 401,
      body: nestError(401, "Unauthorized"),
      expected: "invalid_credentials",
    },
    {
      name: "a ValidationPipe 400 on login",
      call: login,
      status: 400,
      body: nestError(400, ["username must be a string"], "Bad Request"),
      expected: "invalid_credentials",
    },
    {
      name: "a 400 without NestJS's error shape on login",
      call: login,
      status: 400,
      body: "<h1>Bad Request</h1>",
      expected: "bad_response",
    },
    {
      name: "a 403 Access Denied on refresh",
      call: refresh,
      status: 403,
      body: nestError(403, "Access Denied", "Forbidden"),
      expected: "refresh_rejected",
    },
    {
      name: "a 401 on refresh",
      call: refresh,
      status: 401,
      body: nestError(401, "Unauthorized"),
      expected: "refresh_rejected",
    },
    {
      name: "a 401 on the profile",
      call: me,
      status: 401,
      body: nestError(401, "Unauthorized"),
      expected: "unauthorized",
    },
    {
      name: "a 401 on the demo resource",
      call: items,
      status: 401,
      body: nestError(401, "Unauthorized"),
      expected: "unauthorized",
    },
    {
      name: "a 429 from the throttler on login",
      call: login,
      status: 429,
      body: nestError(429, "ThrottlerException: Too Many Requests"),
      expected: "throttled",
    },
    {
      name: "a 404 on refresh",
      call: refresh,
      status: 404,
      body: nestError(404, "Cannot POST /auth/refresh", "Not Found"),
      expected: "misconfigured",
    },
    {
      name: "a 500 on login",
      call: login,
      status: 500,
      body: nestError(500, "Internal server error"),
      expected: "unavailable",
    },
    {
      name: "a 503 page on the profile",
      call: me,
      status: 503,
      body: "<h1>Service Unavailable</h1>",
      expected: "unavailable",
    },
    {
      name: "a 418 on login",
      call: login,
      status: 418,
      body: nestError(418, "I'm a teapot"),
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
      body: { access_token: "a.b.c" },
      expected: "bad_response",
    },
    {
      name: "a 200 profile without a username",
      call: me,
      status: 200,
      body: { sub: 1 },
      expected: "bad_response",
    },
    {
      name: "a 200 object instead of an item list",
      call: items,
      status: 200,
      body: { data: [] },
      expected: "bad_response",
    },
  ];

  it.each(cases)("maps $name to $expected", async ({ call, status, body, expected }) => {
    expect(await errorCode(call(anyAdapter(answering(status, body))))).toBe(expected);
  });

  it("reads a user whose e-mail is null as one without an e-mail", async () => {
    const adapter = anyAdapter(answering(200, { sub: 7, username: "demo", email: null }));
    expect(await adapter.me("access-token")).toEqual({
      id: "7",
      name: "demo",
      email: undefined,
      roles: [],
    });
  });

  it("reads the roles the profile carries, under the configured field", async () => {
    const body = { sub: 7, username: "demo", permissions: ["admin", "editor"] };
    const adapter = adapterFor(
      "http://backend.invalid",
      { NEST_USER_ROLES_FIELD: "permissions" },
      { fetch: answering(200, body) },
    );
    expect(await adapter.me("access-token")).toMatchObject({ roles: ["admin", "editor"] });
  });

  it("refuses a roles field that is not a list of strings as bad_response", async () => {
    const adapter = anyAdapter(answering(200, { sub: 7, username: "demo", roles: "admin" }));
    expect(await errorCode(adapter.me("access-token"))).toBe("bad_response");
  });

  it("refuses an opaque access token that carries no expiry as bad_response", async () => {
    const adapter = anyAdapter(answering(200, { access_token: "opaque", refresh_token: "opaque" }));
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
