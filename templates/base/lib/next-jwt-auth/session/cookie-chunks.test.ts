// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { CHUNK_SIZE, planClearSessionCookies, planSessionCookies } from "./cookie-chunks";

const NAME = "__Host-next-auth.session-token";

describe("planSessionCookies", () => {
  it("writes a short value as one cookie and clears chunks left from a longer one", () => {
    const plan = planSessionCookies(NAME, "abc", [`${NAME}.0`, `${NAME}.1`, "other"]);
    expect(plan.set).toEqual([{ name: NAME, value: "abc" }]);
    expect(plan.clear.sort()).toEqual([`${NAME}.0`, `${NAME}.1`]);
  });

  it("splits a long value into ordered chunks that join back to the value", () => {
    const value = "x".repeat(CHUNK_SIZE * 2) + "tail";
    const plan = planSessionCookies(NAME, value, []);
    expect(plan.set.map((c) => c.name)).toEqual([`${NAME}.0`, `${NAME}.1`, `${NAME}.2`]);
    expect(plan.set.map((c) => c.value).join("")).toBe(value);
    expect(plan.set.every((c) => c.value.length <= CHUNK_SIZE)).toBe(true);
  });

  it("clears the unchunked cookie and surplus chunks when the value gets chunked", () => {
    const value = "y".repeat(CHUNK_SIZE + 1);
    const plan = planSessionCookies(NAME, value, [
      NAME,
      `${NAME}.0`,
      `${NAME}.1`,
      `${NAME}.2`,
      `${NAME}.x`,
    ]);
    expect(plan.set.map((c) => c.name)).toEqual([`${NAME}.0`, `${NAME}.1`]);
    expect(plan.clear).toEqual([NAME, `${NAME}.2`]);
  });

  it("never touches cookies that merely share a prefix", () => {
    const plan = planSessionCookies(NAME, "v", [
      `${NAME}-other`,
      `${NAME}.1a`,
      "next-auth.csrf-token",
    ]);
    expect(plan.clear).toEqual([]);
  });
});

describe("planClearSessionCookies", () => {
  it("clears the cookie and every chunk", () => {
    expect(planClearSessionCookies(NAME, [NAME, `${NAME}.0`, "keep"])).toEqual([NAME, `${NAME}.0`]);
  });
});
