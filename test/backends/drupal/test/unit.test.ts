import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { KeyedLock } from "../src/oauth/lock.js";
import { decryptRefreshToken, encryptRefreshToken, type RefreshPayload } from "../src/oauth/refresh-token.js";

const payload: RefreshPayload = {
  client_id: "next-app",
  refresh_token_id: "r1",
  access_token_id: "a1",
  scopes: ["basic"],
  user_id: "2",
  expire_time: 1_900_000_000,
};

describe("refresh token encryption", () => {
  const key = randomBytes(32);

  it("round-trips the payload", () => {
    expect(decryptRefreshToken(encryptRefreshToken(payload, key), key)).toEqual(payload);
  });

  it.each([
    ["another key", (token: string) => token, randomBytes(32)],
    ["a changed byte", (token: string) => token.slice(0, 20) + (token[20] === "a" ? "b" : "a") + token.slice(21), undefined],
    ["a cut token", (token: string) => token.slice(0, 40), undefined],
    ["a missing header", (token: string) => token.slice(8), undefined],
    ["non-hex characters", (token: string) => `${token}zz`, undefined],
  ] as const)("refuses a token with %s", (_name, change, otherKey) => {
    const token = change(encryptRefreshToken(payload, key));
    expect(decryptRefreshToken(token, otherKey ?? key)).toBeUndefined();
  });

  it("encrypts the same payload differently every time", () => {
    expect(encryptRefreshToken(payload, key)).not.toBe(encryptRefreshToken(payload, key));
  });
});

describe("the keyed lock", () => {
  it("runs work under the same key one after another, and under other keys at once", async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const work = (name: string, ms: number) => async () => {
      events.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`${name} end`);
    };
    await Promise.all([lock.run("k", work("a", 20)), lock.run("k", work("b", 1)), lock.run("other", work("c", 1))]);
    expect(events.indexOf("a end")).toBeLessThan(events.indexOf("b start"));
    expect(events.indexOf("c end")).toBeLessThan(events.indexOf("a end"));
  });

  it("releases the lock when the work throws", async () => {
    const lock = new KeyedLock();
    await expect(lock.run("k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(lock.run("k", async () => "next")).resolves.toBe("next");
  });
});

describe("configuration from the environment", () => {
  it.each([
    [{}, { port: 4620, accessTtl: 300, refreshTtl: 1_209_600, version: 6 }],
    [{ PORT: "4700", ACCESS_TTL: "10", REFRESH_TTL: "30", SIMPLE_OAUTH_VERSION: "5" }, { port: 4700, accessTtl: 10, refreshTtl: 30, version: 5 }],
    [{ SIMPLE_OAUTH_VERSION: "6.0.0" }, { version: 6 }],
  ] as const)("reads %j", (env, expected) => {
    expect(readConfig(env)).toMatchObject(expected);
  });

  it.each([{ ACCESS_TTL: "0" }, { REFRESH_TTL: "1.5" }, { SIMPLE_OAUTH_VERSION: "4" }, { PORT: "http" }])(
    "refuses %j",
    (env) => {
      expect(() => readConfig(env)).toThrow();
    },
  );
});
