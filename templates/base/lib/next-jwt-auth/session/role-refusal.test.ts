// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { NOT_ALLOWED_PAGE, notAllowedDirectly, roleRefusal } from "./role-refusal";

const request = (path: string) => new NextRequest(new URL(path, "http://localhost:3000"));
const admin = { roles: ["admin"] };
const member = { roles: ["user"] };

describe("roleRefusal", () => {
  it.each([
    ["a user without the role, on the role page", member, "/admin"],
    ["a user without the role, below it", member, "/admin/users?tab=1"],
    ["a user without the role, percent-encoded", member, "/%61dmin"],
    ["a user with no roles at all", { roles: [] }, "/admin"],
  ])("renders the not-allowed page with 403 at the same URL for %s", (_, user, path) => {
    const response = roleRefusal(request(path), user);
    expect(response?.status).toBe(403);
    expect(new URL(response!.headers.get("x-middleware-rewrite")!).pathname).toBe(NOT_ALLOWED_PAGE);
  });

  it.each([
    ["a user with the role, on the role page", admin, "/admin"],
    ["anyone signed in, on a protected page without a role", member, "/dashboard"],
    ["anyone, on a public page", member, "/"],
    ["anyone, on the not-allowed page itself", member, NOT_ALLOWED_PAGE],
  ])("lets the request through for %s", (_, user, path) => {
    expect(roleRefusal(request(path), user)).toBeUndefined();
  });
});

describe("notAllowedDirectly", () => {
  it.each([NOT_ALLOWED_PAGE, `${NOT_ALLOWED_PAGE}/x`, "/not-%61llowed", `${NOT_ALLOWED_PAGE}?a=1`])(
    "answers %s, requested directly, with the not-allowed page and 403, never 200",
    (path) => {
      const response = notAllowedDirectly(request(path));
      expect(response?.status).toBe(403);
      expect(new URL(response!.headers.get("x-middleware-rewrite")!).pathname).toBe(
        NOT_ALLOWED_PAGE,
      );
    },
  );

  it.each(["/", "/admin", "/not-allowedx", "/dashboard/not-allowed"])("leaves %s alone", (path) => {
    expect(notAllowedDirectly(request(path))).toBeUndefined();
  });
});
