// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/** Methods that do not change state; a cross-site GET cannot read the answer anyway (no CORS). */
const SAFE_METHODS = new Set(["GET", "HEAD"]);

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

function originOf(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * Cross-site request check for our own route handlers (next-auth's CSRF token
 * covers only `/api/auth/*`). Fetch Metadata first: `Sec-Fetch-Site:
 * cross-site` is always refused, and a state-changing request must be
 * `same-origin`. Browsers without Fetch Metadata fall back to `Origin`, then
 * `Referer`, compared with the app's own origin; a state-changing request with
 * neither is refused. Responses must carry `Vary: Origin, Sec-Fetch-Site`.
 */
export function checkCrossSite(method: string, headers: Headers, appOrigin: string): CsrfVerdict {
  const safe = SAFE_METHODS.has(method.toUpperCase());
  const site = headers.get("sec-fetch-site");
  if (site) {
    if (site === "cross-site") return { ok: false, reason: "cross-site request" };
    if (safe || site === "same-origin") return { ok: true };
    return { ok: false, reason: `${site} request` };
  }
  if (safe) return { ok: true };
  const origin = originOf(headers.get("origin")) ?? originOf(headers.get("referer"));
  if (!origin) return { ok: false, reason: "no Origin or Referer" };
  return origin === appOrigin ? { ok: true } : { ok: false, reason: "foreign origin" };
}

const REFUSED_BODY_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
];

/**
 * JSON routes refuse the body types a cross-site HTML form or a "simple"
 * `fetch` can send without a CORS preflight.
 */
export function isRefusedBodyType(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return REFUSED_BODY_TYPES.includes(type);
}
