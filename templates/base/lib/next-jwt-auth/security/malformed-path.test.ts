// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasMalformedEscape, malformedPathResponse } from "./malformed-path";

/** What Next does before a dynamic route runs: decode every segment, throw on failure. */
function nextFailsToDecode(rawPathname: string): boolean {
  try {
    for (const segment of rawPathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

describe("hasMalformedEscape", () => {
  it.each([
    ["/api/proxy/api/%zz", "an escape that is not hex"],
    ["/api/proxy/api/items%ff", "a byte that starts no UTF-8 character"],
    ["/api/proxy/api/%", "a lone percent sign"],
    ["/api/proxy/api/%2", "a truncated escape"],
    ["/api/proxy/%/api/items", "a lone percent sign in the middle"],
    ["/api/auth/%zz", "a non-hex escape under next-auth's route"],
    ["/api/proxy/api/%C0%AF", "an overlong UTF-8 slash"],
    ["/api/proxy/api/%E0%80%AE", "an overlong UTF-8 dot"],
    ["/api/proxy/api/%ED%A0%80", "a UTF-16 surrogate encoded as UTF-8"],
    ["/api/proxy/api/%C3", "a cut multi-byte character"],
    ["/login/%zz", "a page path"],
  ])("refuses %j (%s)", (path) => {
    expect(hasMalformedEscape(path)).toBe(true);
  });

  it.each([
    ["/api/proxy/api/items", "no escape at all"],
    ["/api/proxy/api/a%20b", "an encoded space"],
    ["/api/proxy/api/caf%C3%A9", "UTF-8 of é"],
    ["/api/proxy/api/100%25", "an encoded percent sign"],
    ["/api/proxy/api/%2e%2e", "encoded dots (the proxy's own check refuses them)"],
    ["/api/proxy/api/a%2Fb", "an encoded slash (the proxy's own check refuses it)"],
  ])("lets %j through (%s)", (path) => {
    expect(hasMalformedEscape(path)).toBe(false);
  });

  it("refuses exactly the paths Next cannot decode", () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom("%", "%z", "%zz", "%ff", "%C3", "%C3%A9", "%20", "%25", "/", "%2F"),
      fc.integer({ min: 0, max: 255 }).map((n) => `%${n.toString(16).padStart(2, "0")}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const path = `/api/proxy/${pieces.join("")}`;
        expect(hasMalformedEscape(path)).toBe(nextFailsToDecode(path));
      }),
    );
  });

  it("never refuses a path whose segments were encoded properly", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" })), (segments) => {
        expect(hasMalformedEscape(`/${segments.map(encodeURIComponent).join("/")}`)).toBe(false);
      }),
    );
  });
});

describe("malformedPathResponse", () => {
  it("answers the backend proxy's JSON bad_path with the proxy's headers", async () => {
    const response = malformedPathResponse("/api/proxy/api/%zz");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "bad_path" });
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers plain text 400 with the security headers anywhere else", async () => {
    const response = malformedPathResponse("/api/auth/%zz");
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("Bad Request");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
