// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import appConfig from "@/app.config";
import { appConfigProblems } from "@/lib/next-jwt-auth/config/app-config";
import { isProtectedPage, NEXT_AUTH_SESSION, readsSession, routeChecks } from "./protected-routes";

/** A path below `prefix`: itself, or more segments (URL-safe or percent-encoded, as browsers send them). */
const pathUnder = (prefix: string) =>
  fc.array(fc.webSegment(), { maxLength: 4 }).map((segments) => [prefix, ...segments].join("/"));

/** A valid `protectedPages` list: disjoint prefixes, clear of the reserved paths. */
const validPages = fc
  .uniqueArray(
    fc.array(fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,8}$/), {
      minLength: 1,
      maxLength: 3,
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((lists) => lists.map((segments) => `/${segments.join("/")}`))
  .filter(
    (pages) =>
      appConfigProblems({ protectedPages: pages, session: appConfig.session }).length === 0,
  );

describe("protected routes", () => {
  it("proxy.ts reads (and refreshes) the session on every path under every protected page of app.config.ts", () => {
    const underSomePage = fc.constantFrom(...appConfig.protectedPages).chain(pathUnder);
    fc.assert(
      fc.property(underSomePage, (path) => {
        expect(isProtectedPage(path)).toBe(true);
        expect(readsSession(path)).toBe(true);
      }),
    );
  });

  it("for any valid list of protected pages, every path under one of them reads the session", () => {
    const pagesAndPath = validPages.chain((pages) =>
      fc.tuple(fc.constant(pages), fc.constantFrom(...pages).chain(pathUnder)),
    );
    fc.assert(
      fc.property(pagesAndPath, ([pages, path]) => {
        const checks = routeChecks(pages);
        expect(checks.readsSession(path)).toBe(true);
      }),
    );
  });

  it.each([
    ["a protected page", "/dashboard", true, true],
    ["a page below a protected page", "/dashboard/reports", true, true],
    ["the account page, listed only in app.config.ts", "/account", true, true],
    ["a percent-encoded protected page, as the router decodes it", "/%64ashboard/x", true, true],
    ["a page that only starts like a protected one", "/dashboards", false, false],
    ["the home page", "/", false, false],
    ["the login page", "/login", false, false],
    ["next-auth's session endpoint", NEXT_AUTH_SESSION, false, true],
    ["next-auth's session endpoint, percent-encoded", "/api/auth/se%73sion", false, true],
    [
      "the backend proxy (its route handler refreshes itself)",
      "/api/proxy/api/items",
      false,
      false,
    ],
    ["another next-auth endpoint", "/api/auth/csrf", false, false],
  ])("%s: protected %s, session read %s", (_, path, isProtected, reads) => {
    expect(isProtectedPage(path)).toBe(isProtected);
    expect(readsSession(path)).toBe(reads);
  });
});
