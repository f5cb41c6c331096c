// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";

const BASE_NAME = "next-auth.session-token";

/**
 * Production cookies get the `__Host-` prefix: the browser then insists on
 * Secure, Path=/ and no Domain, so no sibling subdomain can set or shadow it.
 */
export function isSecureCookies(): boolean {
  return process.env.NODE_ENV === "production";
}

/** The session cookie's name (without chunk suffix). */
export function sessionCookieName(): string {
  return isSecureCookies() ? `__Host-${BASE_NAME}` : BASE_NAME;
}

/** Attributes of the session cookie and its chunks. */
export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: isSecureCookies(),
  };
}
