// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The backend proxy's path builder, hand-written because it is the SSRF
 * boundary. It never lets URL parsing resolve a user path against the backend
 * (`new URL("//evil.com", base)` is another host): each segment is validated
 * raw and decoded, re-encoded, joined, and the result is checked again.
 */

export type PathResult = { ok: true; url: string } | { ok: false; reason: PathRefusal };

export type PathRefusal = "bad_segment" | "not_allowed" | "auth_endpoint";

/** Segments that lead to the backend's own auth endpoints; never reachable through the proxy. */
const AUTH_SEGMENTS = new Set(["auth", "oauth", "token", "login", "logout", "refresh"]);

const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f/\\]/;

function decodeSegment(raw: string): string | undefined {
  // A `%` must start a valid escape: `%zz` or a lone `%` is refused, not guessed at.
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function isSafeSegment(value: string): boolean {
  return value !== "" && value !== "." && value !== ".." && !FORBIDDEN_CHARS.test(value);
}

/**
 * Validate one raw (still percent-encoded) segment and return it re-encoded, or
 * `undefined` when it is empty, `.`/`..` (raw or decoded, e.g. `%2e%2e`), holds
 * a slash, backslash or control character (raw or decoded, e.g. `%2F`, `%5C`),
 * or has a malformed escape. Decoding twice is refused too (`%252e%252e`).
 */
export function encodeSegment(raw: string): string | undefined {
  if (!isSafeSegment(raw)) return undefined;
  const decoded = decodeSegment(raw);
  if (decoded === undefined || !isSafeSegment(decoded)) return undefined;
  // A segment whose decoded form still decodes to something dangerous is an attack, not a name.
  const twice = decodeSegment(decoded);
  if (twice !== undefined && twice !== decoded && !isSafeSegment(twice)) return undefined;
  return encodeURIComponent(decoded);
}

/**
 * Build `${backendUrl}/${path}?${search}` for the raw path the browser asked
 * for (the part after `/api/proxy/`), or refuse it. `prefixes` are allowed path
 * prefixes such as `"api/"`; the built path must start with one of them.
 */
export function buildBackendUrl(input: {
  backendUrl: string;
  rawPath: string;
  search: string;
  prefixes: readonly string[];
}): PathResult {
  const segments = input.rawPath.split("/");
  const encoded: string[] = [];
  for (const raw of segments) {
    const segment = encodeSegment(raw);
    if (segment === undefined) return { ok: false, reason: "bad_segment" };
    encoded.push(segment);
  }
  if (encoded.some((s) => AUTH_SEGMENTS.has(decodeURIComponent(s).toLowerCase()))) {
    return { ok: false, reason: "auth_endpoint" };
  }
  const path = encoded.join("/");
  const prefix = input.prefixes.find(
    (p) => p.endsWith("/") && path.startsWith(p) && path.length > p.length,
  );
  if (!prefix) return { ok: false, reason: "not_allowed" };

  const base = new URL(input.backendUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const search =
    input.search && input.search !== "?"
      ? input.search.startsWith("?")
        ? input.search
        : `?${input.search}`
      : "";
  const url = `${base.origin}${basePath}/${path}${search}`;

  // Belt and braces: the parsed result must still be on the backend, under the prefix.
  const parsed = new URL(url);
  if (parsed.origin !== base.origin || !parsed.pathname.startsWith(`${basePath}/${prefix}`)) {
    return { ok: false, reason: "not_allowed" };
  }
  return { ok: true, url };
}
