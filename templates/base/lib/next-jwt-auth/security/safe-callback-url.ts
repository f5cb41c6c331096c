// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/** The origin relative callbacks are resolved against when the caller gives none; never reached. */
const PLACEHOLDER_ORIGIN = "http://app.invalid";

/**
 * Where to go after signing in: a path on this site (path, query and hash,
 * always starting with a single `/`), or `fallback`.
 *
 * The decision is taken on the URL as a browser resolves it, not on the text:
 * `/.//evil.com`, `/a/..//evil.com` and `/%2e//evil.com` all resolve to the
 * path `//evil.com`, which a browser reads as the host `evil.com`. So the
 * value is resolved against the app's origin with the WHATWG parser (the one
 * browsers use), must keep that origin, and only the resolved path, query and
 * hash are returned, and only if they cannot be read as another host again.
 *
 * Refused: anything that is not a string of at most 2048 characters, control
 * characters and backslashes (browsers drop or reinterpret them), relative
 * paths without a leading `/`, other schemes (`javascript:`, `data:`), other
 * hosts, and absolute URLs unless `appOrigin` is given and they are on it
 * (next-auth's redirect callback hands those in).
 */
export function safeCallbackUrl(
  value: unknown,
  fallback = "/dashboard",
  appOrigin: string = PLACEHOLDER_ORIGIN,
): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const origin = new URL(appOrigin).origin;
  if (!value.startsWith("/") && !value.startsWith(`${origin}/`)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== origin) return fallback;
  const target = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return staysOn(target, resolved.href, origin) ? target : fallback;
}

/**
 * Does `target`, resolved again as a browser would from any page of the app,
 * give back exactly `href`? Fails for a path a browser reads as a
 * protocol-relative URL (`//host`, `/\host`), whatever produced it.
 */
function staysOn(target: string, href: string, origin: string): boolean {
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return false;
  try {
    return new URL(target, `${origin}/login?callbackUrl=x`).href === href;
  } catch {
    return false;
  }
}
