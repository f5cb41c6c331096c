// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import appConfig from "@/app.config";
import {
  APP_CONFIG_ERROR_PREFIX,
  AppConfigError,
  appConfigProblems,
  defineAppConfig,
  type AppConfigInput,
} from "./app-config";

const SESSION = { idleTimeoutSeconds: 1800, absoluteTimeoutSeconds: 43_200 };
const withPages = (protectedPages: string[]): AppConfigInput => ({
  protectedPages,
  session: SESSION,
});

describe("defineAppConfig", () => {
  it.each([
    ["one page", ["/dashboard"]],
    ["several disjoint pages", ["/dashboard", "/account", "/admin/users"]],
    ["no protected page at all", []],
    ["a prefix that only starts like a reserved one", ["/apis", "/logins", "/api-docs"]],
    ["URL-safe characters", ["/a.b~c_d-e"]],
  ])("accepts %s", (_, pages) => {
    expect(appConfigProblems(withPages(pages))).toEqual([]);
  });

  it.each([
    [
      "a prefix without a leading slash",
      ["dashboard"],
      'protectedPages[0] "dashboard" must start with "/"',
    ],
    ["a trailing slash", ["/dashboard/"], 'protectedPages[0] "/dashboard/" must not end with "/"'],
    [
      "the same prefix twice",
      ["/dashboard", "/account", "/dashboard"],
      'protectedPages[2] "/dashboard" is listed twice',
    ],
    [
      "a prefix inside another",
      ["/dashboard", "/dashboard/reports"],
      'protectedPages[1] "/dashboard/reports" overlaps "/dashboard"',
    ],
    ["the API", ["/api"], 'protectedPages[0] "/api" overlaps /api'],
    ["a path under the API", ["/api/proxy"], 'protectedPages[0] "/api/proxy" overlaps /api'],
    ["the login page", ["/login"], 'protectedPages[0] "/login" overlaps /login'],
    ["the root", ["/"], 'protectedPages[0] "/" would protect every page, /login too'],
    ["Next's assets", ["/_next/static"], 'protectedPages[0] "/_next/static" overlaps /_next'],
    ["a query string", ["/dashboard?x=1"], "must be a path like"],
    ["an empty segment", ["/a//b"], "must be a path like"],
    ["a dot-dot segment", ["/a/.."], "must be a path like"],
    ["a space", ["/my page"], "must be a path like"],
  ])("refuses %s", (_, pages, problem) => {
    const problems = appConfigProblems(withPages(pages));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it.each([
    ["a zero idle timeout", { ...SESSION, idleTimeoutSeconds: 0 }, "session.idleTimeoutSeconds"],
    [
      "a fractional absolute timeout",
      { ...SESSION, absoluteTimeoutSeconds: 1.5 },
      "session.absoluteTimeoutSeconds",
    ],
    [
      "a NaN idle timeout",
      { ...SESSION, idleTimeoutSeconds: Number.NaN },
      "session.idleTimeoutSeconds",
    ],
  ])("refuses %s", (_, session, name) => {
    expect(appConfigProblems({ protectedPages: [], session })).toEqual([
      `${name} must be a whole number > 0`,
    ]);
  });

  it("throws one AppConfigError naming every mistake, so the server does not start", () => {
    const define = () =>
      defineAppConfig({
        protectedPages: ["dashboard", "/login"],
        session: { ...SESSION, idleTimeoutSeconds: -1 },
      });
    expect(define).toThrow(AppConfigError);
    expect(define).toThrow(
      [
        `${APP_CONFIG_ERROR_PREFIX}:`,
        '  - protectedPages[0] "dashboard" must start with "/"',
        '  - protectedPages[1] "/login" overlaps /login, which cannot be protected',
        "  - session.idleTimeoutSeconds must be a whole number > 0",
      ].join("\n"),
    );
  });

  it("returns a frozen copy that later edits of the input cannot change", () => {
    const input = withPages(["/dashboard"]);
    const config = defineAppConfig(input);
    (input.protectedPages as string[]).push("/other");
    expect(config.protectedPages).toEqual(["/dashboard"]);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.protectedPages)).toBe(true);
    expect(Object.isFrozen(config.session)).toBe(true);
  });

  it("accepts the app's own app.config.ts", () => {
    expect(appConfigProblems(appConfig)).toEqual([]);
  });
});
