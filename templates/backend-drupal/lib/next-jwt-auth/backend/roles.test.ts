// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { jsonApiRolesSchema, userinfoRolesSchema } from "./roles";

const role = (id: string) => ({
  type: "user_role--user_role",
  id: `uuid-of-${id}`,
  meta: { drupal_internal__target_id: id },
});

describe("userinfoRolesSchema", () => {
  it.each([
    [
      "the claim's machine names are the roles",
      ["authenticated", "admin"],
      ["authenticated", "admin"],
    ],
    ["a missing claim (stock simple_oauth) is no roles", undefined, []],
    ["null is no roles", null, []],
  ])("%s", (_, value, roles) => {
    expect(userinfoRolesSchema.parse(value)).toEqual(roles);
  });

  it.each([
    ["a single string", "admin"],
    ["a list with a non-string", ["admin", 1]],
  ])("refuses %s", (_, value) => {
    expect(userinfoRolesSchema.safeParse(value).success).toBe(false);
  });
});

describe("jsonApiRolesSchema", () => {
  it.each([
    [
      "the relationship's machine names are the roles",
      { data: [role("authenticated"), role("admin")] },
      ["authenticated", "admin"],
    ],
    ["an empty relationship is no roles", { data: [] }, []],
    ["a relationship the user may not view (left out) is no roles", undefined, []],
  ])("%s", (_, value, roles) => {
    expect(jsonApiRolesSchema.parse(value)).toEqual(roles);
  });

  it.each([
    ["an identifier of another type", { data: [{ ...role("admin"), type: "node--article" }] }],
    [
      "an identifier without its machine name",
      { data: [{ type: "user_role--user_role", id: "x" }] },
    ],
  ])("refuses %s", (_, value) => {
    expect(jsonApiRolesSchema.safeParse(value).success).toBe(false);
  });
});
