import { describe, expect, it } from "vitest";
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
  for (let i = 0; i < n; i++) await t.failed(keys, T0);
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
    await expect(t.check(keys, T0)).resolves.toEqual({ allowed: true });
    await failTimes(t, 1, keys);
    await expect(t.check(keys, T0 + 200)).resolves.toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    await expect(t.check(keys, T0 + 1000)).resolves.toEqual({ allowed: true });
  });

  it("counts an unknown username exactly like an existing one, case-insensitively", async () => {
    const t = throttle();
    await failTimes(t, 3, { username: "No-Such-User", address: undefined });
    await expect(
      t.check({ username: "no-such-user", address: undefined }, T0),
    ).resolves.toMatchObject({
      allowed: false,
    });
  });

  it("limits one address across many usernames", async () => {
    const t = throttle(4);
    for (const username of ["a", "b", "c", "d"])
      await t.failed({ username, address: "10.0.0.9" }, T0);
    await expect(t.check({ username: "e", address: "10.0.0.9" }, T0)).resolves.toMatchObject({
      allowed: false,
    });
    await expect(t.check({ username: "e", address: "10.0.0.10" }, T0)).resolves.toEqual({
      allowed: true,
    });
  });

  it("forgets a username's failures after a successful sign-in, not the address's", async () => {
    const t = throttle(3);
    await failTimes(t, 3);
    await t.succeeded({ username: "eve", address: "10.0.0.1" });
    await expect(t.check({ username: "eve", address: undefined }, T0)).resolves.toEqual({
      allowed: true,
    });
    await expect(t.check({ username: "eve", address: "10.0.0.1" }, T0)).resolves.toMatchObject({
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
