// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

const APP = "http://localhost:3000";

/** Pieces an attacker builds callback URLs from: separators, dot segments, encodings, schemes. */
const piece = fc.constantFrom(
  "/",
  "//",
  "\\",
  ".",
  "..",
  "%2e",
  "%2E",
  "%2f",
  "%2F",
  "%5c",
  "%5C",
  "%00",
  "%09",
  "\t",
  "\n",
  "\r",
  " ",
  "\u3002",
  "\uff0f",
  "@",
  ":",
  "?",
  "#",
  ";",
  "evil.com",
  "localhost:3000",
  "http:",
  "https://",
  "javascript:",
  "a",
  "dashboard",
);
/** A path of dot segments and hosts, joined by real and encoded separators: `/.//evil.com` and kin. */
const segment = fc.constantFrom("", ".", "..", "%2e", "%2E%2e", ".%2e", "a", "evil.com");
const separator = fc.constantFrom("/", "\\", "%2f", "%5c", "/\t");
const dottedPath = fc
  .tuple(segment, fc.array(fc.tuple(separator, segment), { maxLength: 6 }))
  .map(([first, rest]) => `/${first}${rest.map(([sep, seg]) => sep + seg).join("")}`);
const attackerInput = fc.oneof(
  dottedPath,
  fc.array(piece, { maxLength: 12 }).map((parts) => parts.join("")),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.webUrl(),
);

describe("safeCallbackUrl", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/dashboard?tab=items#top", "/dashboard?tab=items#top"],
    ["/a/../dashboard", "/dashboard"],
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"],
    ["/%5Cevil.com", "/%5Cevil.com"],
    ["/%2e%2e/%2fevil.com", "/%2fevil.com"],
    ["/ /evil.com", "/%20/evil.com"],
    ["/dashboard?next=//evil.com", "/dashboard?next=//evil.com"],
  ])("keeps the same-origin path %j as the resolved %j", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    ["//evil.com"],
    ["///evil.com"],
    ["/\\evil.com"],
    ["\\\\evil.com"],
    ["/.//evil.com"],
    ["/./\\evil.com"],
    ["/a/..//evil.com"],
    ["/a/b/../..//evil.com"],
    ["/%2e//evil.com"],
    ["/%2E//evil.com"],
    ["/%2e%2e//evil.com"],
    ["/a/%2e%2e//evil.com"],
    ["/a/.%2e//evil.com"],
    ["/.//evil.com/dashboard?x=1#y"],
    ["https://evil.com"],
    ["http://localhost:3000/dashboard"],
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["data:text/html,hi"],
    ["evil.com"],
    ["dashboard"],
    ["/\tevil"],
    ["/\nevil"],
    ["/\t/evil.com"],
    ["/\n/evil.com"],
    ["/.\t//evil.com"],
    [" /dashboard"],
    ["/dashboard\u0000"],
    [`/${"a".repeat(2048)}`],
    [""],
    [undefined],
    [42],
    [["/dashboard"]],
  ])("falls back to the default for %j", (input) => {
    expect(safeCallbackUrl(input)).toBe("/dashboard");
  });

  it("uses the given fallback", () => {
    expect(safeCallbackUrl("/.//evil.com", "/")).toBe("/");
  });

  it.each([
    [`${APP}/dashboard?tab=1`, "/dashboard?tab=1"],
    [`${APP}/.//evil.com`, "/"],
    ["http://localhost:3001/dashboard", "/"],
    ["http://evil.com/dashboard", "/"],
    ["/a/..//evil.com", "/"],
  ])("with the app's origin, takes the absolute URL %j as %j", (input, expected) => {
    expect(safeCallbackUrl(input, "/", APP)).toBe(expected);
  });

  it("gives a target that a browser on any page of the app resolves to the app's origin, for any input", () => {
    fc.assert(
      fc.property(attackerInput, fc.boolean(), (input, withOrigin) => {
        const target = withOrigin ? safeCallbackUrl(input, "/", APP) : safeCallbackUrl(input);
        for (const page of [`${APP}/login?callbackUrl=x`, `${APP}/a/b/c`, `${APP}/`]) {
          expect(new URL(target, page).origin).toBe(APP);
        }
        expect(target).toMatch(/^\/(?![/\\])/);
        // A kept target is already in its final form: sanitising it again changes nothing.
        expect(safeCallbackUrl(target)).toBe(target);
      }),
      { numRuns: 5000 },
    );
  });
});
