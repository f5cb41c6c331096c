// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { withProxyHeaders } from "@/lib/next-jwt-auth/proxy/responses";
import {
  contentSecurityPolicy,
  createNonce,
  securityHeaders,
  staticHeaderRules,
  type HeaderRule,
} from "./headers";

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

/** The headers Next sends for `pathname` from these rules: every matching rule in order, later ones replace. */
function headersFor(rules: HeaderRule[], pathname: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of rules) {
    const prefix = rule.source.replace("/:path*", "");
    if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) continue;
    for (const { key, value } of rule.headers) result.set(key.toLowerCase(), value);
  }
  return result;
}

describe("static security headers (next.config.ts)", () => {
  const rules = staticHeaderRules({ production: true });

  it.each(["/", "/login", "/_next/static/chunks/app.js", "/api/auth/signout", "/api/proxy/api/x"])(
    "gives %j nosniff, frame denial, a Permissions-Policy, HSTS and a framing-proof CSP",
    (pathname) => {
      const headers = headersFor(rules, pathname);
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("permissions-policy")).toContain("camera=()");
      expect(headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
      expect(directives(headers.get("content-security-policy")!).get("frame-ancestors")).toBe(
        "'none'",
      );
      expect(headers.get("referrer-policy")).toBeTruthy();
    },
  );

  it("lets nothing load or run on a response that is not a page", () => {
    const policy = directives(
      headersFor(rules, "/_next/static/x.js").get("content-security-policy")!,
    );
    expect(policy.get("default-src")).toBe("'none'");
    expect(policy.get("form-action")).toBe("'none'");
  });

  it("lets next-auth's own pages have their inline styles and post forms to this site only", () => {
    const policy = directives(
      headersFor(rules, "/api/auth/signout").get("content-security-policy")!,
    );
    expect(policy.get("default-src")).toBe("'none'");
    expect(policy.get("style-src")).toBe("'unsafe-inline'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.has("script-src")).toBe(false);
  });

  it("gives the backend proxy exactly the headers its route sets (a route cannot replace them)", () => {
    const fromRules = headersFor(rules, "/api/proxy/api/items");
    const fromRoute = withProxyHeaders(new Headers());
    for (const name of ["content-security-policy", "referrer-policy", "x-frame-options"]) {
      expect(fromRules.get(name), name).toBe(fromRoute.get(name));
    }
    expect(fromRules.get("x-content-type-options")).toBe(fromRoute.get("x-content-type-options"));
  });

  it("sends HSTS from a production build only", () => {
    const dev = headersFor(staticHeaderRules({ production: false }), "/login");
    expect(dev.has("strict-transport-security")).toBe(false);
  });
});
