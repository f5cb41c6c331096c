// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The login throttle of a db-mode app counts in the session database: a
 * restart (fresh modules, a fresh store over the same database) does not
 * forget the failures.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isolatedSessionEnv } from "@/test/session-env";

const holder = globalThis as { __sessionStore?: { close(): Promise<void> } };

/** One "process" of the app: fresh modules and no open store, over the same database file. */
async function startProcess() {
  await holder.__sessionStore?.close();
  delete holder.__sessionStore;
  vi.resetModules();
  return import("@/lib/next-jwt-auth/sign-in/login-guard");
}

beforeEach(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:9");
  for (const [name, value] of Object.entries(await isolatedSessionEnv("login-throttle"))) {
    vi.stubEnv(name, value);
  }
  vi.stubEnv("LOGIN_MAX_FAILURES", "3");
  vi.stubEnv("LOGIN_LOCKOUT_SECONDS", "60");
});
afterEach(async () => {
  await holder.__sessionStore?.close();
  delete holder.__sessionStore;
  vi.unstubAllEnvs();
});

describe("the login throttle in db mode", () => {
  it("still refuses a username after a restart, because the failures live in the database", async () => {
    const keys = { username: "Demo", address: undefined };
    const first = await startProcess();
    for (let i = 0; i < 3; i++) await first.loginThrottle().failed(keys);
    expect((await first.loginThrottle().check(keys)).allowed).toBe(false);

    const restarted = await startProcess();
    expect(restarted.loginThrottle()).not.toBe(first.loginThrottle());
    const verdict = await restarted.loginThrottle().check({ username: "demo", address: undefined });
    expect(verdict).toMatchObject({ allowed: false });
    expect(verdict.allowed === false && verdict.retryAfterSeconds).toBeGreaterThan(50);
  });

  it("forgets a username's failures after a successful sign-in, for the next process too", async () => {
    const keys = { username: "demo", address: undefined };
    const first = await startProcess();
    for (let i = 0; i < 3; i++) await first.loginThrottle().failed(keys);
    await first.loginThrottle().succeeded(keys);

    const restarted = await startProcess();
    expect(await restarted.loginThrottle().check(keys)).toEqual({ allowed: true });
  });
});
