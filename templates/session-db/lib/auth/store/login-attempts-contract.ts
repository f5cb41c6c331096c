import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LoginThrottle } from "@/lib/auth/login-throttle";
import { FORGET_ATTEMPTS_AFTER_MS } from "./login-attempt-store";
import type { StoreHarness } from "./store-contract";
import type { SessionStore } from "./types";

const T0 = Date.UTC(2030, 0, 1);
const SECRET = "contract-secret-current-0123456789abcdef";
const USER_KEY = "user:carol-the-secret-name";
const ADDR_KEY = "addr:203.0.113.77";
const policy = { freeFailures: 3, baseDelayMs: 10_000, maxDelayMs: 60_000 };

/**
 * The behaviour every session store's `loginAttempts` must have, run against
 * each database with a fresh, private one per test (same harness as the
 * session store contract).
 */
export function describeLoginAttemptStoreContract(
  name: string,
  createHarness: () => Promise<StoreHarness>,
): void {
  describe(`${name} login attempt store contract`, () => {
    let harness: StoreHarness;
    let store: SessionStore;

    beforeEach(async () => {
      harness = await createHarness();
      store = await harness.open(SECRET);
    });
    afterEach(async () => {
      await harness.dispose();
    });

    it("counts failures per key, remembering the latest failure time", async () => {
      const attempts = store.loginAttempts;
      expect(await attempts.get(USER_KEY)).toBeUndefined();
      expect(await attempts.recordFailure(USER_KEY, T0)).toEqual({
        failures: 1,
        lastFailureAt: T0,
      });
      expect(await attempts.recordFailure(USER_KEY, T0 + 5)).toEqual({
        failures: 2,
        lastFailureAt: T0 + 5,
      });
    });

    it("keeps two keys independent", async () => {
      const attempts = store.loginAttempts;
      await attempts.recordFailure(USER_KEY, T0);
      await attempts.recordFailure(USER_KEY, T0);
      await attempts.recordFailure(ADDR_KEY, T0);
      expect((await attempts.recordFailure(USER_KEY, T0))?.failures).toBe(3);
      expect((await attempts.recordFailure(ADDR_KEY, T0))?.failures).toBe(2);
    });

    it("starts counting afresh once a key's latest failure is past the forget window", async () => {
      const attempts = store.loginAttempts;
      await attempts.recordFailure(USER_KEY, T0);
      await attempts.recordFailure(USER_KEY, T0);
      const later = T0 + FORGET_ATTEMPTS_AFTER_MS + 1;
      expect(await attempts.recordFailure(USER_KEY, later)).toEqual({
        failures: 1,
        lastFailureAt: later,
      });
    });

    it("makes the throttle refuse a key until its wait is over, then allow it", async () => {
      const throttle = new LoginThrottle(store.loginAttempts, {
        username: policy,
        address: policy,
      });
      const keys = { username: "Carol", address: undefined };
      const now = Date.now();
      for (let i = 0; i < policy.freeFailures; i++) await throttle.failed(keys, now);
      expect(await throttle.check(keys, now + 1_000)).toEqual({
        allowed: false,
        retryAfterSeconds: 9,
      });
      expect(await throttle.check(keys, now + policy.baseDelayMs)).toEqual({ allowed: true });
    });

    it("a successful sign-in clears the username's failures but not the address's", async () => {
      const throttle = new LoginThrottle(store.loginAttempts, {
        username: policy,
        address: policy,
      });
      const keys = { username: "carol", address: "203.0.113.77" };
      const now = Date.now();
      await throttle.failed(keys, now);
      await throttle.failed(keys, now);
      await throttle.succeeded(keys);
      expect(await store.loginAttempts.get("user:carol")).toBeUndefined();
      expect((await store.loginAttempts.get("addr:203.0.113.77"))?.failures).toBe(2);
    });

    it("stores only the SHA-256 of a key, never the username or the address", async () => {
      await store.loginAttempts.recordFailure(USER_KEY, T0);
      await store.loginAttempts.recordFailure(ADDR_KEY, T0);
      const dump = await harness.dump();
      for (const key of [USER_KEY, ADDR_KEY]) {
        expect(dump).toContain(createHash("sha256").update(key).digest("hex"));
      }
      expect(dump).not.toContain("carol-the-secret-name");
      expect(dump).not.toContain("203.0.113.77");
    });

    it("loses no count when 20 failures for one key arrive at once from several connections", async () => {
      const others = await Promise.all([1, 2, 3].map(() => harness.open(SECRET)));
      const stores = [store, ...others];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          stores[i % stores.length]!.loginAttempts.recordFailure(USER_KEY, T0),
        ),
      );
      expect(results.map((r) => r.failures).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      expect((await others[0]!.loginAttempts.get(USER_KEY))?.failures).toBe(20);
    });

    it("deletes stale keys in bounded batches and keeps recent ones", async () => {
      const attempts = store.loginAttempts;
      for (const key of ["user:a", "user:b", "user:c"]) await attempts.recordFailure(key, T0);
      await attempts.recordFailure(USER_KEY, T0 + FORGET_ATTEMPTS_AFTER_MS);
      const now = T0 + FORGET_ATTEMPTS_AFTER_MS + 1;
      expect(await attempts.deleteStale(now, 2)).toBe(2);
      expect(await attempts.deleteStale(now, 2)).toBe(1);
      expect(await attempts.deleteStale(now, 2)).toBe(0);
      expect(await harness.dump()).toContain(createHash("sha256").update(USER_KEY).digest("hex"));
    });
  });
}
