import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/dashboard?tab=items#top", "/dashboard?tab=items#top"],
    ["/a/../dashboard", "/dashboard"],
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"],
  ])("keeps the same-origin relative path %j", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    ["//evil.com"],
    ["///evil.com"],
    ["/\\evil.com"],
    ["\\\\evil.com"],
    ["https://evil.com"],
    ["http://localhost:3000/dashboard"],
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["data:text/html,hi"],
    ["evil.com"],
    ["dashboard"],
    ["/\tevil"],
    ["/\nevil"],
    [" /dashboard"],
    [""],
    [undefined],
    [42],
    [["/dashboard"]],
  ])("falls back to the default for %j", (input) => {
    expect(safeCallbackUrl(input)).toBe("/dashboard");
  });

  it("uses the given fallback", () => {
    expect(safeCallbackUrl("//evil.com", "/")).toBe("/");
  });
});
