import { describe, expect, it } from "vitest";
import { envLocalFrom, generateSecret } from "../src/env-local.js";

describe("envLocalFrom", () => {
  const cases: [string, string | undefined, RegExp][] = [
    ["fills the empty NEXTAUTH_SECRET line in place", "# doc\nNEXTAUTH_SECRET=\nNEXTAUTH_URL=http://localhost:3000\n", /# doc\nNEXTAUTH_SECRET=SECRET\nNEXTAUTH_URL=http:\/\/localhost:3000\n$/],
    ["fills a line with only trailing blanks", "NEXTAUTH_SECRET=  \n", /\nNEXTAUTH_SECRET=SECRET\n$/],
    ["appends a secret when the example has no such line", "A=1\n", /\nA=1\n\nNEXTAUTH_SECRET=SECRET\n$/],
    ["makes a file with just the secret when there is no example", undefined, /\nNEXTAUTH_SECRET=SECRET\n$/],
  ];
  it.each(cases)("%s", (_name, example, expected) => {
    const out = envLocalFrom(example, "SECRET");
    expect(out).toMatch(expected);
    expect(out.match(/^NEXTAUTH_SECRET=/gm)).toHaveLength(1);
    expect(out).toMatch(/^# .*Git-ignored/);
  });
});

describe("generateSecret", () => {
  it("gives 32 random bytes as 43 base64url characters, different each time", () => {
    const secrets = new Set(Array.from({ length: 20 }, generateSecret));
    expect(secrets.size).toBe(20);
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    }
  });
});
