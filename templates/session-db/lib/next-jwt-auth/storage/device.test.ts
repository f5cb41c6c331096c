// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./device";

describe("describeUserAgent", () => {
  it.each([
    {
      name: "Chrome on a Mac",
      ua: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      description: { browser: "Chrome 131", os: "macOS 10.15.7", device: "Desktop" },
    },
    {
      name: "Safari on an iPhone",
      ua: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      description: { browser: "Safari 17", os: "iOS 17.5", device: "Mobile (iPhone)" },
    },
    {
      name: "Firefox on Windows",
      ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
      description: { browser: "Firefox 133", os: "Windows 10", device: "Desktop" },
    },
    {
      name: "a command-line client",
      ua: "curl/8.5.0",
      description: { browser: "Unknown browser", os: undefined, device: undefined },
    },
    {
      name: "no user agent",
      ua: undefined,
      description: { browser: "Unknown browser", os: undefined, device: undefined },
    },
    {
      name: "an empty user agent",
      ua: "  ",
      description: { browser: "Unknown browser", os: undefined, device: undefined },
    },
  ])("$name", ({ ua, description }) => {
    expect(describeUserAgent(ua)).toEqual(description);
  });

  it("never throws and always names a browser, whatever the client sent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (ua) => {
        expect(describeUserAgent(ua).browser.length).toBeGreaterThan(0);
      }),
    );
  });
});
