import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./headers";

const PROD = { dev: false, production: true, https: true };
const DEV = { dev: true, production: false, https: false };

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(" ")];
    }),
  );
}

describe("security headers", () => {
  it("makes a different 128-bit nonce for every response", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });

  it("allows only nonce-carrying scripts, no plugins, no framing, no foreign <base>", () => {
    const policy = directives(contentSecurityPolicy("abc", PROD));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows eval and inline styles only in development, where React and Next's dev CSS need them", () => {
    expect(contentSecurityPolicy("n", DEV)).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy("n", DEV)).get("style-src")).toBe(
      "'self' 'unsafe-inline'",
    );
    expect(directives(contentSecurityPolicy("n", PROD)).get("style-src")).toBe("'self' 'nonce-n'");
    expect(contentSecurityPolicy("n", PROD)).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("n", PROD)).not.toContain("unsafe-inline");
  });

  it("sends HSTS in production only", () => {
    const names = (options: typeof PROD) => securityHeaders("n", options).map(([name]) => name);
    expect(names(PROD)).toContain("Strict-Transport-Security");
    expect(names(DEV)).not.toContain("Strict-Transport-Security");
    expect(Object.fromEntries(securityHeaders("n", DEV))).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });
});
