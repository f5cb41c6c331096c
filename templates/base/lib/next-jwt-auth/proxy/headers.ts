// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/** Request headers the browser may pass on to the backend. Everything else is dropped. */
export const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "accept-language",
  "content-type",
  "if-match",
  "if-none-match",
  "if-modified-since",
  "if-unmodified-since",
  "range",
] as const;

/** Response headers the backend may pass on to the browser. Everything else is dropped. */
export const FORWARDED_RESPONSE_HEADERS = [
  "cache-control",
  "content-disposition",
  "content-language",
  "content-range",
  "content-type",
  "etag",
  "expires",
  "last-modified",
  "retry-after",
  "www-authenticate",
] as const;

/** Hop-by-hop headers (RFC 9110 §7.6.1), never forwarded in either direction. */
export const HOP_BY_HOP_HEADERS = [
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
] as const;

function connectionListed(headers: Headers): Set<string> {
  return new Set(
    (headers.get("connection") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
}

function pick(source: Headers, allowed: readonly string[]): Headers {
  const listed = connectionListed(source);
  const hopByHop = new Set<string>(HOP_BY_HOP_HEADERS);
  const out = new Headers();
  for (const name of allowed) {
    if (hopByHop.has(name) || listed.has(name)) continue;
    const value = source.get(name);
    if (value !== null) out.set(name, value);
  }
  return out;
}

/** An Accept the style's own may replace: none, anything, or plain JSON. */
function genericAccept(value: string | null): boolean {
  if (value === null) return true;
  return value
    .split(",")
    .map((part) => part.split(";")[0]!.trim().toLowerCase())
    .every((type) => type === "*/*" || type === "application/json" || type === "");
}

/**
 * Headers for the backend request: the allowlist, the style's resource
 * headers (e.g. a vendor media type as `Accept`) and the server-side access
 * token. The browser's cookies and `Authorization` never reach the backend. A
 * browser asking for plain JSON gets the style's JSON type (a backend may
 * answer errors in another format without it); a specific other type (an
 * image, a CSV) is kept.
 */
export function backendRequestHeaders(
  incoming: Headers,
  accessToken: string,
  resourceHeaders: Readonly<Record<string, string>>,
): Headers {
  const out = pick(incoming, FORWARDED_REQUEST_HEADERS);
  for (const [name, value] of Object.entries(resourceHeaders)) {
    if (name.toLowerCase() === "accept" && !genericAccept(out.get("accept"))) continue;
    out.set(name, value);
  }
  out.set("authorization", `Bearer ${accessToken}`);
  return out;
}

/**
 * Headers for the browser: the allowlist only. `Set-Cookie`, hop-by-hop
 * headers and `Content-Encoding`/`Content-Length` (fetch already decoded the
 * body, so both would be wrong) are never in it.
 */
export function browserResponseHeaders(backend: Headers): Headers {
  return pick(backend, FORWARDED_RESPONSE_HEADERS);
}
