// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { afterEach, describe, expect, it, vi } from "vitest";
import { backendEnvSchema, toBackendConfig, type BackendConfig } from "@/lib/backend/config";
import { PROTOCOL } from "@/mock/protocol";
import { createBackendAdapter, type AdapterOptions } from "./adapter";
import { answering, DEMO, errorCode, mockServers } from "./adapter-test-kit";
import type { BackendErrorCode } from "./errors";
import type { BackendAdapter } from "./types";

/**
 * The HTTP adapter with this app's preset (`lib/backend/config.ts`) against
 * the built-in mock (`mock/protocol.ts`), and its mapping of answers. The
 * preset's own settings are tested in `lib/backend/config.test.ts`.
 */

const mocks = mockServers();
const startMock = mocks.start;
const stopMock = mocks.stop;

afterEach(() => {
  vi.restoreAllMocks();
});

/** The preset's defaults, as an app without any backend setting has them. */
function defaultConfig(backendUrl: string, timeoutMs = 2000): BackendConfig {
  return toBackendConfig({ backendUrl, timeoutMs }, backendEnvSchema.parse({}));
}

function adapterFor(
  backendUrl: string,
  change: (config: BackendConfig) => BackendConfig = (config) => config,
  options: AdapterOptions = {},
): BackendAdapter {
  return createBackendAdapter(change(defaultConfig(backendUrl)), options);
}

describe("the HTTP adapter against the built-in mock", () => {
  it("signs in with the demo user and takes the expiry from the access token's exp claim", async () => {
    const start = Date.UTC(2030, 0, 1);
    const mock = await startMock({ now: () => start });
    const tokens = await adapterFor(mock.url, undefined, { now: () => start }).login(DEMO);
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
    expect(wrongPassword).toMatchObject({
      code: "invalid_credentials",
      status: PROTOCOL.badCredentials.status,
    });
    expect(unknownUser).toMatchObject({
      code: "invalid_credentials",
      message: (wrongPassword as Error).message,
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
    const error = await adapter.me(tokens.accessToken).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unauthorized", status: 401 });
  });

  it("reads the signed-in user", async () => {
    const mock = await startMock();
    const tokens = await adapterFor(mock.url).login({
      username: "alice",
      password: "alice-password",
    });
    expect(await adapterFor(mock.url).me(tokens.accessToken)).toMatchObject({
      id: "2",
      name: "alice",
    });
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

  it("does not call the backend on logout when there is no logout path", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url, (c) => ({
      ...c,
      paths: { ...c.paths, logout: undefined },
    }));
    const tokens = await adapter.login(DEMO);
    await adapter.logout(tokens);
    expect(mock.store.stats.logouts).toBe(0);
    expect(await adapter.me(tokens.accessToken)).toMatchObject({ name: "demo" });
  });

  it("reports a wrong auth path as misconfigured, naming the style's path settings", async () => {
    const mock = await startMock();
    const adapter = adapterFor(mock.url, (c) => ({
      ...c,
      paths: { ...c.paths, login: "/nowhere/login", me: "/nowhere/me" },
    }));
    const error = await adapter.login(DEMO).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "misconfigured" });
    expect((error as Error).message).toContain(defaultConfig(mock.url).style.pathSettings);
    const tokens = await adapterFor(mock.url).login(DEMO);
    expect(await errorCode(adapter.me(tokens.accessToken))).toBe("misconfigured");
  });

  it("reports a backend that is not running as unavailable", async () => {
    const mock = await startMock();
    await stopMock(mock);
    expect(await errorCode(adapterFor(mock.url).login(DEMO))).toBe("unavailable");
  });
});

describe("the HTTP adapter on the wire", () => {
  it.each([
    { name: "as a Bearer token", at: { in: "bearer" } as const },
    { name: "in a JSON body field", at: { in: "body", field: "renew" } as const },
  ])("sends the refresh token $name as configured", async ({ at }) => {
    const calls: Request[] = [];
    const config = { ...defaultConfig("http://backend.invalid"), refreshToken: at };
    const adapter = createBackendAdapter(config, { fetch: answering(500, "down", calls) });
    await adapter.refresh("the-refresh-token").catch(() => undefined);
    const [call] = calls;
    const body = await call!.text();
    if (at.in === "bearer") {
      expect(call!.headers.get("authorization")).toBe("Bearer the-refresh-token");
      expect(body).toBe("");
    } else {
      expect(call!.headers.get("authorization")).toBeNull();
      expect(JSON.parse(body)).toEqual({ renew: "the-refresh-token" });
    }
  });

  it("posts the credentials as JSON under the configured field names", async () => {
    const calls: Request[] = [];
    const config = defaultConfig("http://backend.invalid");
    await createBackendAdapter(config, { fetch: answering(500, "down", calls) })
      .login(DEMO)
      .catch(() => undefined);
    expect(calls[0]!.headers.get("content-type")).toBe("application/json");
    expect(await calls[0]!.json()).toEqual({
      [config.credentials.username]: DEMO.username,
      [config.credentials.password]: DEMO.password,
    });
  });
});

describe("the HTTP adapter's mapping of backend answers", () => {
  const config = defaultConfig("http://backend.invalid");
  const { tokens, user } = config;
  const anyAdapter = (fetchImpl: typeof fetch) =>
    createBackendAdapter(config, { fetch: fetchImpl });
  /** The style's own error body, as the built-in mock sends it. */
  const own = (status: number, message = "refused") => PROTOCOL.error({ status, message });
  type Call = (adapter: BackendAdapter) => Promise<unknown>;
  const login: Call = (a) => a.login(DEMO);
  const refresh: Call = (a) => a.refresh("refresh-token");
  const me: Call = (a) => a.me("access-token");

  const cases: {
    name: string;
    call: Call;
    status: number;
    body: unknown;
    expected: BackendErrorCode;
  }[] = [
    {
      name: "a 401 on login",
      call: login,
      status: 401,
      body: own(401),
      expected: "invalid_credentials",
    },
    {
      name: "a 401 on refresh",
      call: refresh,
      status: 401,
      body: own(401),
      expected: "refresh_rejected",
    },
    {
      name: "a 403 on refresh",
      call: refresh,
      status: 403,
      body: own(403),
      expected: "refresh_rejected",
    },
    { name: "a 401 on me", call: me, status: 401, body: own(401), expected: "unauthorized" },
    { name: "a 429 on login", call: login, status: 429, body: own(429), expected: "throttled" },
    {
      name: "a 404 page on refresh",
      call: refresh,
      status: 404,
      body: "<h1>Not Found</h1>",
      expected: "misconfigured",
    },
    { name: "a 500 on login", call: login, status: 500, body: own(500), expected: "unavailable" },
    {
      name: "a 502 page on me",
      call: me,
      status: 502,
      body: "<h1>Bad Gateway</h1>",
      expected: "unavailable",
    },
    { name: "a 403 on me", call: me, status: 403, body: own(403), expected: "bad_response" },
    { name: "a 418 on login", call: login, status: 418, body: own(418), expected: "bad_response" },
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
      body: { [tokens.accessToken]: "a.b.c" },
      expected: "bad_response",
    },
    {
      name: "a 200 opaque access token that carries no expiry on login",
      call: login,
      status: 200,
      body: { [tokens.accessToken]: "opaque", [tokens.refreshToken]: "opaque" },
      expected: "bad_response",
    },
    {
      name: "a 200 user without a name on me",
      call: me,
      status: 200,
      body: { [user.id]: 1 },
      expected: "bad_response",
    },
  ];

  it.each(cases)("maps $name to $expected", async ({ call, status, body, expected }) => {
    expect(await errorCode(call(anyAdapter(answering(status, body))))).toBe(expected);
  });

  it("puts the style's error message into the error, never a token", async () => {
    const error = await anyAdapter(answering(401, own(401, "Token Expired!")))
      .me("secret-access-token")
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain("Token Expired!");
    expect((error as Error).message).not.toContain("secret-access-token");
  });

  it("reads a user whose e-mail is null and who has no roles field as one without either", async () => {
    const body = { [user.id]: 7, [user.name]: "demo", [user.email]: null };
    expect(await anyAdapter(answering(200, body)).me("access-token")).toEqual({
      id: "7",
      name: "demo",
      email: undefined,
      roles: [],
    });
  });

  it.each([
    ["a number", 1],
    ["an object", { name: "admin" }],
    ["a list with a non-string", ["admin", 2]],
  ])("refuses a roles field that holds %s as bad_response", async (_, roles) => {
    const body = { [user.id]: 7, [user.name]: "demo", [user.roles]: roles };
    expect(await errorCode(anyAdapter(answering(200, body)).me("access-token"))).toBe(
      "bad_response",
    );
  });

  it("reports a backend that does not answer in time as unavailable", async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    const slow = defaultConfig("http://backend.invalid", 50);
    expect(await errorCode(createBackendAdapter(slow, { fetch: hanging }).login(DEMO))).toBe(
      "unavailable",
    );
  });
});
