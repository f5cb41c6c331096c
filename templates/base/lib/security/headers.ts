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

/** The options for this process: `NODE_ENV` and the scheme of `NEXTAUTH_URL`. */
export function currentSecurityHeaderOptions(): SecurityHeaderOptions {
  return {
    dev: process.env.NODE_ENV === "development",
    production: process.env.NODE_ENV === "production",
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  };
}
