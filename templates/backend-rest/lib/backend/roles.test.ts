import { describe, expect, it } from "vitest";
import { restRolesSchema } from "./roles";

describe("restRolesSchema", () => {
  it.each([
    ["one role as a string (DummyJSON) is a list of one", "admin", ["admin"]],
    ["a list of roles is kept in order", ["admin", "editor"], ["admin", "editor"]],
    ["an empty list is no roles", [], []],
    ["a missing field is no roles", undefined, []],
    ["null is no roles", null, []],
  ])("%s", (_, value, roles) => {
    expect(restRolesSchema.parse(value)).toEqual(roles);
  });

  it.each([
    ["a number", 1],
    ["an object", { name: "admin" }],
    ["an empty string", ""],
    ["a list with a non-string", ["admin", 2]],
  ])("refuses %s: the field holds something other than roles", (_, value) => {
    expect(restRolesSchema.safeParse(value).success).toBe(false);
  });
});
