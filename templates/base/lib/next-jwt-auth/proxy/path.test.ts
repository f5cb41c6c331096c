// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildBackendUrl, encodeSegment } from "./path";

const BACKEND = "http://127.0.0.1:4010";
const PREFIXES = ["api/"];

function build(rawPath: string, search = "", backendUrl = BACKEND) {
  return buildBackendUrl({ backendUrl, rawPath, search, prefixes: PREFIXES });
}

describe("buildBackendUrl", () => {
  it.each([
    ["api/items", "", `${BACKEND}/api/items`],
    ["api/items/42", "?page=2", `${BACKEND}/api/items/42?page=2`],
    ["api/caf%C3%A9", "", `${BACKEND}/api/caf%C3%A9`],
    ["api/a%20b", "", `${BACKEND}/api/a%20b`],
    ["api/it's", "", `${BACKEND}/api/it's`],
    ["api/100%25", "", `${BACKEND}/api/100%25`],
  ])("forwards the allowed path %j", (rawPath, search, expected) => {
    expect(build(rawPath, search)).toEqual({ ok: true, url: expected });
  });

  it("keeps a base path of the backend URL", () => {
    expect(build("api/items", "", "https://backend.example/v1/")).toEqual({
      ok: true,
      url: "https://backend.example/v1/api/items",
    });
  });

  it.each([
    ["api/../auth/login", "bad_segment"],
    ["api/%2e%2e/auth/login", "bad_segment"],
    ["api/%2E%2E/secret", "bad_segment"],
    ["api/.%2e/secret", "bad_segment"],
    ["api/%252e%252e/secret", "bad_segment"],
    ["api/./items", "bad_segment"],
    ["api/a%2Fb", "bad_segment"],
    ["api/a%2fb", "bad_segment"],
    ["api/a%5Cb", "bad_segment"],
    ["api/a\\b", "bad_segment"],
    ["api//evil.com", "bad_segment"],
    ["//evil.com/api/x", "bad_segment"],
    ["api/%00", "bad_segment"],
    ["api/a%0Ab", "bad_segment"],
    ["api/\u0007", "bad_segment"],
    ["api/%", "bad_segment"],
    ["api/%zz", "bad_segment"],
    ["api/%E0%A4%A", "bad_segment"],
    ["api/items/", "bad_segment"],
    ["http://evil.com/api/x", "bad_segment"],
    ["http:%2F%2Fevil.com", "bad_segment"],
    ["api", "not_allowed"],
    ["admin/users", "not_allowed"],
    ["apix/items", "not_allowed"],
    ["@evil.com", "not_allowed"],
    ["auth/login", "auth_endpoint"],
    ["oauth/token", "auth_endpoint"],
    ["api/auth/refresh", "auth_endpoint"],
    ["api/AUTH/login", "auth_endpoint"],
  ])("refuses %j (%s)", (rawPath, reason) => {
    expect(build(rawPath)).toEqual({ ok: false, reason });
  });

  it("cannot be steered to another host through the query string", () => {
    const result = build("api/items", "?next=//evil.com/@x");
    expect(result.ok && new URL(result.url).host).toBe("127.0.0.1:4010");
  });
});

describe("encodeSegment", () => {
  it("re-encodes what it decoded, so the backend sees one canonical form", () => {
    expect(encodeSegment("a%20b")).toBe("a%20b");
    expect(encodeSegment("a b")).toBe("a%20b");
    expect(encodeSegment("%7e")).toBe("~");
  });
});

/** Strings built from the characters and escapes that matter for traversal and SSRF. */
const hostileSegment = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "..",
    ".",
    "%2e",
    "%2e%2e",
    "%2E.",
    "%252e%252e",
    "%2F",
    "%5C",
    "\\",
    "%",
    "%zz",
    "%00",
    "//evil.com",
    "http://evil.com",
    "@evil.com",
    ":80",
    "?x=1",
    "#frag",
    "evil.com",
  ),
  fc
    .array(fc.constantFrom(".", "%", "2", "e", "E", "f", "F", "5", "c", "/", "\\", "@", ":", "a"), {
      maxLength: 8,
    })
    .map((chars) => chars.join("")),
);

describe("buildBackendUrl (property)", () => {
  it("either refuses a path or keeps it on the backend's origin under an allowed prefix", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(hostileSegment, { maxLength: 6 }),
        fc.constantFrom(BACKEND, "https://backend.example/base"),
        (withPrefix, segments, backendUrl) => {
          const rawPath = (withPrefix ? ["api", ...segments] : segments).join("/");
          const result = build(rawPath, "", backendUrl);
          if (!result.ok) return;
          const base = new URL(backendUrl);
          const url = new URL(result.url);
          const basePath = base.pathname.replace(/\/+$/, "");
          expect(url.origin).toBe(base.origin);
          expect(url.pathname.startsWith(`${basePath}/api/`)).toBe(true);
          expect(url.search).toBe("");
          expect(url.hash).toBe("");
          const rest = url.pathname.slice(basePath.length + 1).split("/");
          for (const segment of rest) {
            expect(segment).not.toBe("");
            expect([".", ".."]).not.toContain(decodeURIComponent(segment));
            expect(decodeURIComponent(segment)).not.toMatch(/[/\\]/);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
