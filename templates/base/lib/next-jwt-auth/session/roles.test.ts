// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { hasRole, mayOpen } from "./roles";

const admin = { roles: ["authenticated", "admin"] };
const member = { roles: ["authenticated"] };
const nobody = { roles: [] };

describe("hasRole", () => {
  it.each([
    ["a user has a role the backend gave them", admin, "admin", true],
    ["a user lacks a role the backend did not give them", member, "admin", false],
    ["a user without roles has none", nobody, "admin", false],
    ["names compare exactly: case counts", admin, "Admin", false],
    ["names compare exactly: no prefix match", admin, "adm", false],
  ])("%s", (_, user, role, expected) => {
    expect(hasRole(user, role)).toBe(expected);
  });
});

describe("mayOpen", () => {
  it.each([
    ["an admin may open the admin page of app.config.ts", admin, "/admin", true],
    ["and what is below it", admin, "/admin/users", true],
    ["a user without the role may not", member, "/admin", false],
    ["nor below it", nobody, "/admin/users", false],
    ["anyone signed in may open a protected page without a role", nobody, "/dashboard", true],
    ["and a public page", nobody, "/", true],
  ])("%s", (_, user, path, expected) => {
    expect(mayOpen(user, path)).toBe(expected);
  });
});
