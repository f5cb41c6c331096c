// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { failAttempt, succeedAttempt, throttleVerdict } from "@/test/throttle-attempts";
import { memoryLoginAttemptStore } from "./login-attempts";
import {
  clientAddress,
  LoginThrottle,
  lockedUntil,
  type AttemptKeys,
  type ThrottlePolicy,
} from "./login-throttle";

const T0 = Date.UTC(2030, 0, 1);
const POLICY: ThrottlePolicy = { freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000 };

function throttle(addressFailures = 10) {
  return new LoginThrottle(memoryLoginAttemptStore(), {
    username: POLICY,
    address: { ...POLICY, freeFailures: addressFailures },
  });
}

async function failTimes(
  t: LoginThrottle,
  n: number,
  keys: AttemptKeys = { username: "eve", address: "10.0.0.1" },
) {
  for (let i = 0; i < n; i++) await failAttempt(t, keys, T0);
}

describe("login throttle", () => {
  it.each([
    [2, 0],
    [3, T0 + 1000],
    [4, T0 + 2000],
    [5, T0 + 4000],
    [6, T0 + 8000],
    [20, T0 + 8000],
  ])("after %i failures waits until %i (exponential back-off, capped)", (failures, until) => {
    expect(lockedUntil({ failures, lastFailureAt: T0 }, POLICY)).toBe(until);
  });

  it("lets the free failures through, then answers with the seconds to wait", async () => {
    const t = throttle();
    const keys: AttemptKeys = { username: "eve", address: undefined };
    await failTimes(t, 2, keys);
    await expect(throttleVerdict(t, keys, T0)).resolves.toEqual({ allowed: true });
    await failTimes(t, 1, keys);
    await expect(throttleVerdict(t, keys, T0 + 200)).resolves.toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    await expect(throttleVerdict(t, keys, T0 + 1000)).resolves.toEqual({ allowed: true });
  });

  it("counts an unknown username exactly like an existing one, case-insensitively", async () => {
    const t = throttle();
    await failTimes(t, 3, { username: "No-Such-User", address: undefined });
    await expect(
      throttleVerdict(t, { username: "no-such-user", address: undefined }, T0),
    ).resolves.toMatchObject({
      allowed: false,
    });
  });

  it("limits one address across many usernames", async () => {
    const t = throttle(4);
    for (const username of ["a", "b", "c", "d"])
      await failAttempt(t, { username, address: "10.0.0.9" }, T0);
    await expect(
      throttleVerdict(t, { username: "e", address: "10.0.0.9" }, T0),
    ).resolves.toMatchObject({
      allowed: false,
    });
    await expect(throttleVerdict(t, { username: "e", address: "10.0.0.10" }, T0)).resolves.toEqual({
      allowed: true,
    });
  });

  it("forgets a username's failures after a successful sign-in, not the address's", async () => {
    const t = throttle(3);
    await failTimes(t, 2);
    await succeedAttempt(t, { username: "eve", address: "10.0.0.1" }, T0);
    await failTimes(t, 1);
    // The username counts 1 failure since the sign-in (3 had it only been taken back);
    // the address keeps all 3 and is locked.
    await expect(throttleVerdict(t, { username: "eve", address: undefined }, T0)).resolves.toEqual({
      allowed: true,
    });
    await expect(
      throttleVerdict(t, { username: "eve", address: "10.0.0.1" }, T0),
    ).resolves.toMatchObject({
      allowed: false,
    });
  });

  it("keeps memory bounded under a spray of usernames", async () => {
    const store = memoryLoginAttemptStore({ maxKeys: 3 });
    for (const key of ["a", "b", "c", "d"]) await store.recordFailure(key, T0);
    await expect(store.get("a")).resolves.toBeUndefined();
    await expect(store.get("d")).resolves.toMatchObject({ failures: 1 });
  });
});

/** `parallel` sign-ins at once through `t`, each waiting for a backend that says "wrong password". */
async function race(t: LoginThrottle, parallel: number, keys: AttemptKeys): Promise<number> {
  let backendCalls = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      const verdict = await t.reserve(keys);
      if (!verdict.allowed) return;
      backendCalls++;
      await new Promise((resolve) => setTimeout(resolve, 1));
      await t.settle(verdict.ticket, "failed");
    }),
  );
  return backendCalls;
}

describe("login throttle reservations", () => {
  it.each([[1], [3], [50], [100]])(
    "lets at most the free failures of %i parallel wrong passwords reach the backend",
    async (parallel) => {
      const calls = await race(throttle(), parallel, { username: "eve", address: undefined });
      expect(calls).toBe(Math.min(parallel, POLICY.freeFailures));
    },
  );

  it("holds for any number of racers, any limit and any mix of usernames and one address", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 30 }),
        async (parallel, userLimit, addressLimit) => {
          const t = new LoginThrottle(memoryLoginAttemptStore(), {
            username: { ...POLICY, freeFailures: userLimit },
            address: { ...POLICY, freeFailures: addressLimit },
          });
          const calls = await race(t, parallel, { username: "eve", address: "10.0.0.1" });
          expect(calls).toBe(Math.min(parallel, userLimit, addressLimit));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("counts a reserved attempt before the backend answers, so a racing one sees it", async () => {
    const t = throttle();
    const keys: AttemptKeys = { username: "eve", address: undefined };
    for (let i = 0; i < POLICY.freeFailures; i++) {
      expect((await t.reserve(keys, T0)).allowed).toBe(true);
    }
    await expect(t.reserve(keys, T0 + 200)).resolves.toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it("refuses on the address without keeping the username's reservation", async () => {
    const store = memoryLoginAttemptStore();
    const t = new LoginThrottle(store, {
      username: POLICY,
      address: { ...POLICY, freeFailures: 1 },
    });
    await failAttempt(t, { username: "mallory", address: "10.0.0.1" }, T0);
    await expect(t.reserve({ username: "eve", address: "10.0.0.1" }, T0)).resolves.toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    await expect(store.get("user:eve")).resolves.toBeUndefined();
  });

  it.each([
    ["a wrong login stays counted", "failed", 3, 3],
    [
      "a sign-in forgets the username and takes the attempt back from the address",
      "succeeded",
      0,
      2,
    ],
    ["an attempt the backend could not answer is taken back everywhere", "void", 2, 2],
  ] as const)("%s", async (_label, outcome, userFailures, addressFailures) => {
    const store = memoryLoginAttemptStore();
    const t = new LoginThrottle(store, {
      username: POLICY,
      address: { ...POLICY, freeFailures: 10 },
    });
    const keys: AttemptKeys = { username: "Eve", address: "10.0.0.1" };
    await failTimes(t, 2, keys);
    const verdict = await t.reserve(keys, T0 + 5);
    if (!verdict.allowed) throw new Error("refused");
    await t.settle(verdict.ticket, outcome);
    expect((await store.get("user:eve"))?.failures ?? 0).toBe(userFailures);
    expect((await store.get("addr:10.0.0.1"))?.failures ?? 0).toBe(addressFailures);
    if (outcome !== "failed") expect((await store.get("addr:10.0.0.1"))?.lastFailureAt).toBe(T0);
  });

  it("counts every spelling of a username under one key", async () => {
    const t = throttle();
    for (const username of ["Eve", " eve", "ＥＶＥ"])
      await failAttempt(t, { username, address: undefined }, T0);
    await expect(
      throttleVerdict(t, { username: "eve\u3000", address: undefined }, T0),
    ).resolves.toMatchObject({
      allowed: false,
    });
  });
});

describe("clientAddress", () => {
  it.each([
    ["no trusted proxy: a forged header is ignored", "6.6.6.6", 0, undefined],
    ["no header", null, 1, undefined],
    ["one trusted proxy: the address it appended", "6.6.6.6, 203.0.113.7", 1, "203.0.113.7"],
    ["two trusted proxies", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2, "203.0.113.7"],
    ["fewer hops than proxies: the leftmost", "203.0.113.7", 2, "203.0.113.7"],
  ])("%s", (_label, header, trusted, expected) => {
    expect(clientAddress(header, trusted)).toBe(expected);
  });
});
