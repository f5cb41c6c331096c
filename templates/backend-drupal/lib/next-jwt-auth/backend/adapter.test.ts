// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockBackend } from "@/mock/backend";
import { serveMock, type RunningMock } from "@/mock/kit/server";
import { MOCK_USERS } from "@/mock/kit/users";
import { createBackendAdapter } from "./adapter";
import { backendEnvSchema, toBackendConfig, type BackendConfig } from "@/lib/backend/config";
import { BackendError, isBackendError, type BackendErrorCode } from "./errors";

const ACCESS_TTL = 300;
const REFRESH_TTL = 3600;
const [demo, alice] = MOCK_USERS as [(typeof MOCK_USERS)[number], (typeof MOCK_USERS)[number]];

let clock = Date.now();
let mock: RunningMock;

beforeAll(async () => {
  const backend = await createMockBackend({
    accessTtlSeconds: ACCESS_TTL,
    refreshTtlSeconds: REFRESH_TTL,
    now: () => clock,
  });
  mock = await serveMock(backend, 0);
});
afterAll(() => mock.close());
afterEach(async () => {
  clock = Date.now();
  await fetch(`${mock.url}/__mock/reset`, { method: "POST" });
});

/** The adapter as a fresh app configures it (the env defaults), pointed at the mock. */
function adapterFor(env: Record<string, string> = {}, backendUrl = mock.url) {
  const config: BackendConfig = toBackendConfig(
    { backendUrl, timeoutMs: 2000 },
    backendEnvSchema.parse(env),
  );
  return createBackendAdapter(config);
}

/** The code of the BackendError a promise rejects with. */
async function errorCode(promise: Promise<unknown>): Promise<BackendErrorCode> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isBackendError(error)) throw new Error(`expected a BackendError, got ${String(error)}`);
  return error.code;
}

describe("Drupal adapter against the simple_oauth mock", () => {
  it.each([
    ["the username", demo.username],
    ["the e-mail address", demo.email],
  ])("signs in with %s and reports when the access token expires", async (_, username) => {
    const before = Date.now();
    const tokens = await adapterFor().login({ username, password: demo.password });
    expect(tokens.accessToken.split(".")).toHaveLength(3);
    expect(tokens.refreshToken).not.toBe("");
    expect(tokens.accessTokenExpiresAt).toBeGreaterThanOrEqual(before + ACCESS_TTL * 1000);
    expect(tokens.accessTokenExpiresAt).toBeLessThanOrEqual(Date.now() + ACCESS_TTL * 1000);
    expect(tokens.refreshTokenExpiresAt).toBeUndefined();
  });

  it("answers a wrong password and an unknown user with the same invalid_credentials error", async () => {
    const adapter = adapterFor();
    const failures = await Promise.all(
      [
        { username: demo.username, password: "wrong" },
        { username: "nobody", password: "wrong" },
      ].map((credentials) => adapter.login(credentials).catch((error: unknown) => error)),
    );
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(BackendError);
      expect(failure).toMatchObject({ code: "invalid_credentials", status: 400 });
    }
    expect((failures[0] as BackendError).message).toBe((failures[1] as BackendError).message);
  });

  it("rotates on refresh: the new pair works, the old refresh token is rejected and the old access token refused", async () => {
    const adapter = adapterFor();
    const first = await adapter.login({ username: demo.username, password: demo.password });
    const second = await adapter.refresh(first.refreshToken);

    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    await expect(adapter.me(second.accessToken)).resolves.toMatchObject({ id: demo.id });
    expect(await errorCode(adapter.refresh(first.refreshToken))).toBe("refresh_rejected");
    expect(await errorCode(adapter.me(first.accessToken))).toBe("unauthorized");
  });

  it("rejects an expired refresh token as refresh_rejected", async () => {
    const adapter = adapterFor();
    const tokens = await adapter.login({ username: demo.username, password: demo.password });
    clock += REFRESH_TTL * 1000 + 1;
    expect(await errorCode(adapter.refresh(tokens.refreshToken))).toBe("refresh_rejected");
  });

  it("refuses an expired access token as unauthorized, naming simple_oauth's hint", async () => {
    const adapter = adapterFor();
    const tokens = await adapter.login({ username: demo.username, password: demo.password });
    clock += ACCESS_TTL * 1000;
    await expect(adapter.me(tokens.accessToken)).rejects.toThrow(
      /access_denied: Access token could not be verified/,
    );
  });

  it.each([
    ["a wrong client secret", { DRUPAL_CLIENT_SECRET: "wrong" }],
    ["an unknown client id", { DRUPAL_CLIENT_ID: "someone-else" }],
    ["an unknown scope", { DRUPAL_SCOPE: "administer" }],
  ])("reports %s as misconfigured", async (_, env) => {
    const login = adapterFor(env).login({ username: demo.username, password: demo.password });
    expect(await errorCode(login)).toBe("misconfigured");
  });

  it("reports a wrong client secret on refresh as misconfigured, not as a dead session", async () => {
    const tokens = await adapterFor().login({ username: demo.username, password: demo.password });
    const refresh = adapterFor({ DRUPAL_CLIENT_SECRET: "wrong" }).refresh(tokens.refreshToken);
    expect(await errorCode(refresh)).toBe("misconfigured");
  });

  it("reports Drupal's flood control as throttled", async () => {
    const adapter = adapterFor();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await errorCode(adapter.login({ username: alice.username, password: "wrong" }))).toBe(
        "invalid_credentials",
      );
    }
    expect(
      await errorCode(adapter.login({ username: alice.username, password: alice.password })),
    ).toBe("throttled");
  });

  it.each([
    ["userinfo", ["authenticated"]],
    // Drupal shows the roles relationship only to those who may administer users.
    ["jsonapi", []],
  ])("reads the signed-in user through %s", async (source, roles) => {
    const adapter = adapterFor({ DRUPAL_USER_SOURCE: source });
    const tokens = await adapter.login({ username: alice.email, password: alice.password });
    await expect(adapter.me(tokens.accessToken)).resolves.toEqual({
      id: alice.id,
      name: alice.name,
      email: alice.email,
      roles,
    });
  });

  it.each(["userinfo", "jsonapi"])("reads the admin's roles through %s", async (source) => {
    const adapter = adapterFor({ DRUPAL_USER_SOURCE: source });
    const tokens = await adapter.login({ username: demo.username, password: demo.password });
    await expect(adapter.me(tokens.accessToken)).resolves.toMatchObject({
      id: demo.id,
      roles: ["authenticated", "admin"],
    });
  });

  it("reports a backend that is down as unavailable", async () => {
    const down = await serveMock(
      await createMockBackend({ accessTtlSeconds: 1, refreshTtlSeconds: 1 }),
      0,
    );
    await down.close();
    const adapter = adapterFor({}, down.url);
    expect(
      await errorCode(adapter.login({ username: demo.username, password: demo.password })),
    ).toBe("unavailable");
    expect(await errorCode(adapter.me("any"))).toBe("unavailable");
  });

  it("signs out without a call to Drupal, which has no revocation endpoint: the tokens stay valid until they expire", async () => {
    const adapter = adapterFor();
    const tokens = await adapter.login({ username: demo.username, password: demo.password });
    await adapter.logout(tokens);
    expect(mock.store.stats.logouts).toBe(0);
    await expect(adapter.me(tokens.accessToken)).resolves.toMatchObject({ id: demo.id });
  });
});
