// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { sessionStorage } from "./session-storage";

const codec = sessionStorage.jwt!;
const SID = "A".repeat(22) + "b".repeat(21);
const secret = "unused-by-the-db-codec";

describe("the db session cookie", () => {
  it.each([
    ["a live session", { sid: SID, sub: "u1" }, SID],
    [
      "a session ended by a failed refresh",
      { sid: SID, error: "refresh_failed" as const },
      "ended.refresh_failed",
    ],
    ["an expired session", { error: "expired" as const }, "ended.expired"],
    ["a token without a session id", { sub: "u1" }, "ended.expired"],
    ["a token with a malformed id", { sid: "short" }, "ended.expired"],
  ])("holds only the session id or an end marker for %s", async (_label, token, cookie) => {
    expect(await codec.encode!({ token, secret })).toBe(cookie);
  });

  it.each([
    [SID, { sid: SID }],
    ["ended.refresh_failed", { error: "refresh_failed" }],
    ["ended.expired", { error: "expired" }],
    ["ended.other", null],
    ["eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z", null],
    ["", null],
    [undefined, null],
  ])("decodes %j as %j, never throwing", async (cookie, token) => {
    expect(await codec.decode!({ token: cookie, secret })).toEqual(token);
  });
});
