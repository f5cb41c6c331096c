// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The login throttle of a db-mode app counts in the session database: a
 * restart (fresh modules, a fresh store over the same database) does not
 * forget the failures.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isolatedSessionEnv } from "@/test/session-env";
import { failAttempt, succeedAttempt, throttleVerdict } from "@/test/throttle-attempts";

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
    for (let i = 0; i < 3; i++) await failAttempt(first.loginThrottle(), keys);
    expect((await throttleVerdict(first.loginThrottle(), keys)).allowed).toBe(false);

    const restarted = await startProcess();
    expect(restarted.loginThrottle()).not.toBe(first.loginThrottle());
    const verdict = await throttleVerdict(restarted.loginThrottle(), {
      username: "demo",
      address: undefined,
    });
    expect(verdict).toMatchObject({ allowed: false });
    expect(verdict.allowed === false && verdict.retryAfterSeconds).toBeGreaterThan(50);
  });

  it("forgets a username's failures after a successful sign-in, for the next process too", async () => {
    const keys = { username: "demo", address: undefined };
    const first = await startProcess();
    for (let i = 0; i < 2; i++) await failAttempt(first.loginThrottle(), keys);
    await succeedAttempt(first.loginThrottle(), keys);

    // Two more failures: 2 since the sign-in, under the limit of 3 (5 had it not forgotten).
    const restarted = await startProcess();
    for (let i = 0; i < 2; i++) await failAttempt(restarted.loginThrottle(), keys);
    expect(await throttleVerdict(restarted.loginThrottle(), keys)).toEqual({ allowed: true });
  });
});
