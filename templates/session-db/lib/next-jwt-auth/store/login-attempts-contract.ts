// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LoginThrottle, lockedUntil } from "@/lib/next-jwt-auth/sign-in/login-throttle";
import { failAttempt, succeedAttempt, throttleVerdict } from "@/test/throttle-attempts";
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
      for (let i = 0; i < policy.freeFailures; i++) await failAttempt(throttle, keys, now);
      expect(await throttleVerdict(throttle, keys, now + 1_000)).toEqual({
        allowed: false,
        retryAfterSeconds: 9,
      });
      expect(await throttleVerdict(throttle, keys, now + policy.baseDelayMs)).toEqual({
        allowed: true,
      });
    });

    it("a successful sign-in clears the username's failures but not the address's", async () => {
      const throttle = new LoginThrottle(store.loginAttempts, {
        username: policy,
        address: policy,
      });
      const keys = { username: "carol", address: "203.0.113.77" };
      const now = Date.now();
      await failAttempt(throttle, keys, now);
      await failAttempt(throttle, keys, now);
      await succeedAttempt(throttle, keys, now);
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

    it("reserves an attempt only when the key may proceed, counting it at once", async () => {
      const attempts = store.loginAttempts;
      await attempts.recordFailure(USER_KEY, T0);
      const refused = await attempts.reserve(USER_KEY, T0 + 1, () => false);
      expect(refused).toEqual({ reserved: false, current: { failures: 1, lastFailureAt: T0 } });
      const reserved = await attempts.reserve(USER_KEY, T0 + 2, () => true);
      expect(reserved).toEqual({
        reserved: true,
        reservation: {
          record: { failures: 2, lastFailureAt: T0 + 2 },
          previous: { failures: 1, lastFailureAt: T0 },
        },
      });
      expect(await attempts.get(USER_KEY)).toEqual({ failures: 2, lastFailureAt: T0 + 2 });
    });

    it("takes a released reservation back exactly: the count and the latest failure time", async () => {
      const attempts = store.loginAttempts;
      await attempts.recordFailure(USER_KEY, T0);
      const result = await attempts.reserve(USER_KEY, T0 + 50, () => true);
      if (!result.reserved) throw new Error("not reserved");
      await attempts.release(USER_KEY, result.reservation);
      expect(await attempts.get(USER_KEY)).toEqual({ failures: 1, lastFailureAt: T0 });
    });

    it("keeps a later attempt's failure time when releasing an earlier reservation", async () => {
      const attempts = store.loginAttempts;
      const first = await attempts.reserve(USER_KEY, T0, () => true);
      await attempts.reserve(USER_KEY, T0 + 10, () => true);
      if (!first.reserved) throw new Error("not reserved");
      await attempts.release(USER_KEY, first.reservation);
      expect(await attempts.get(USER_KEY)).toEqual({ failures: 1, lastFailureAt: T0 + 10 });
    });

    it("forgets a key whose only attempt was released, and counts it afresh", async () => {
      const attempts = store.loginAttempts;
      const result = await attempts.reserve(USER_KEY, T0, () => true);
      if (!result.reserved) throw new Error("not reserved");
      await attempts.release(USER_KEY, result.reservation);
      expect(await attempts.get(USER_KEY)).toBeUndefined();
      const again = await attempts.reserve(USER_KEY, T0 + 5, () => true);
      expect(again).toMatchObject({ reserved: true, reservation: { previous: undefined } });
      expect(await attempts.get(USER_KEY)).toEqual({ failures: 1, lastFailureAt: T0 + 5 });
    });

    it("counts no more than the free failures of 60 attempts racing from several connections", async () => {
      const others = await Promise.all([1, 2, 3].map(() => harness.open(SECRET)));
      const stores = [store, ...others];
      const now = Date.now();
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          stores[i % stores.length]!.loginAttempts.reserve(
            USER_KEY,
            now,
            (current) => lockedUntil(current, policy) <= now,
          ),
        ),
      );
      expect(results.filter((r) => r.reserved)).toHaveLength(policy.freeFailures);
      expect((await store.loginAttempts.get(USER_KEY))?.failures).toBe(policy.freeFailures);
    });

    it("lets the throttle send at most the limit of 50 parallel sign-ins to the backend, across connections", async () => {
      const others = await Promise.all([1, 2].map(() => harness.open(SECRET)));
      const throttles = [store, ...others].map(
        (s) => new LoginThrottle(s.loginAttempts, { username: policy, address: policy }),
      );
      let backendCalls = 0;
      const keys = { username: "Carol", address: "203.0.113.77" };
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const verdict = await throttles[i % throttles.length]!.reserve(keys);
          if (!verdict.allowed) return;
          backendCalls++;
          await new Promise((resolve) => setTimeout(resolve, 2));
          await throttles[0]!.settle(verdict.ticket, "failed");
        }),
      );
      expect(backendCalls).toBe(policy.freeFailures);
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
