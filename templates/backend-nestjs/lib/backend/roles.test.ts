import { describe, expect, it } from "vitest";
import { nestRolesSchema } from "./roles";

describe("nestRolesSchema", () => {
  it.each([
    ["the recipe's list of roles is kept in order", ["admin", "editor"], ["admin", "editor"]],
    ["an empty list is no roles", [], []],
    ["a missing field (the recipe's plain profile) is no roles", undefined, []],
    ["null is no roles", null, []],
  ])("%s", (_, value, roles) => {
    expect(nestRolesSchema.parse(value)).toEqual(roles);
  });

  it.each([
    ["a single string: Role[] is always a list", "admin"],
    ["a number", 1],
    ["a list with a non-string", ["admin", 2]],
    ["a list with an empty string", [""]],
  ])("refuses %s", (_, value) => {
    expect(nestRolesSchema.safeParse(value).success).toBe(false);
  });
});
