// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/** How the running app is served; decides the parts of the policy that differ. */
export interface SecurityHeaderOptions {
  /** `next dev`: React needs `eval` for its debugging stacks there, never in production. */
  dev: boolean;
  /** Production build: adds HSTS. */
  production: boolean;
  /** The public URL is https: adds `upgrade-insecure-requests`. */
  https: boolean;
}

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of every page, Next's documented nonce-based
 * strict policy: only scripts carrying this response's nonce (Next adds it to
 * its own scripts, read from this header on the request) and what they load
 * run; no plugins, no `<base>` hijack, no framing, forms post to this site.
 */
export function contentSecurityPolicy(nonce: string, options: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // `next dev` injects its CSS as <style> elements without the nonce.
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The headers every page's response carries, the CSP included. */
export function securityHeaders(nonce: string, options: SecurityHeaderOptions): [string, string][] {
  return [
    ["Content-Security-Policy", contentSecurityPolicy(nonce, options)],
    ...commonHeaders(options),
  ];
}

/** Everything but the CSP: the same on every response of the app. */
function commonHeaders(options: Pick<SecurityHeaderOptions, "production">): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    // Legacy twin of `frame-ancestors 'none'` for old browsers.
    ["X-Frame-Options", "DENY"],
    [
      "Permissions-Policy",
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ],
    ...(options.production
      ? [["Strict-Transport-Security", "max-age=63072000; includeSubDomains"] as [string, string]]
      : []),
  ];
}

/**
 * CSP of the answers of `/api/proxy` (the backend's body): nothing in it may
 * load, run or be framed, even should it be HTML.
 */
export const PROXY_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * CSP of next-auth's own HTML pages (`/api/auth/signout` and the like): they
 * carry inline `<style>` and a form posting back to this site, nothing else.
 */
export const AUTH_PAGES_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * CSP of every other response no page renders: static files, Next's own
 * error answers (a malformed URL, a refused method), JSON.
 */
export const NO_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The headers of a response that is not a page: no content may load or run. */
export function plainSecurityHeaders(
  options: Pick<SecurityHeaderOptions, "production">,
): [string, string][] {
  return [["Content-Security-Policy", NO_CONTENT_SECURITY_POLICY], ...commonHeaders(options)];
}

/** One rule of next.config.ts `headers()`. */
export interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

/**
 * The static headers of next.config.ts `headers()`: every response of the app
 * carries them, also those `proxy.ts` never sees (next-auth's routes, the
 * backend proxy, static files, Next's own 4xx/5xx answers). Rules apply in
 * order and a later one replaces a header of the same name. On pages,
 * `proxy.ts` replaces the CSP with the per-request nonce policy (a header set
 * by proxy.ts wins over these); a route handler's own header does NOT replace
 * one set here, which is why the proxy's and next-auth's values are given here.
 */
export function staticHeaderRules(
  options: Pick<SecurityHeaderOptions, "production">,
): HeaderRule[] {
  const rule = (source: string, headers: [string, string][]): HeaderRule => ({
    source,
    headers: headers.map(([key, value]) => ({ key, value })),
  });
  return [
    rule("/:path*", plainSecurityHeaders(options)),
    rule("/api/auth/:path*", [["Content-Security-Policy", AUTH_PAGES_CONTENT_SECURITY_POLICY]]),
    rule("/api/proxy/:path*", [
      ["Content-Security-Policy", PROXY_CONTENT_SECURITY_POLICY],
      ["Referrer-Policy", "no-referrer"],
    ]),
  ];
}

/** The options for this process: `NODE_ENV` and the scheme of `NEXTAUTH_URL`. */
export function currentSecurityHeaderOptions(): SecurityHeaderOptions {
  return {
    dev: process.env.NODE_ENV === "development",
    production: process.env.NODE_ENV === "production",
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  };
}
