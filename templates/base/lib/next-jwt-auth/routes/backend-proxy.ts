// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { NextResponse, type NextRequest } from "next/server";
import { BACKEND_FORWARDING } from "@/lib/backend/forwarding";
import { env } from "@/lib/next-jwt-auth/config/env";
import { BodyTooLargeError, limitStream, readLimitedBody } from "@/lib/next-jwt-auth/proxy/body";
import { checkCrossSite, isRefusedBodyType } from "@/lib/next-jwt-auth/proxy/csrf";
import { forwardToBackend } from "@/lib/next-jwt-auth/proxy/forward";
import { browserResponseHeaders } from "@/lib/next-jwt-auth/proxy/headers";
import { identityRefused } from "@/lib/next-jwt-auth/proxy/identity-refused";
import { buildBackendUrl } from "@/lib/next-jwt-auth/proxy/path";
import { proxyError, withProxyHeaders } from "@/lib/next-jwt-auth/proxy/responses";
import {
  refreshRequestSession,
  renewalWrite,
  requestSession,
} from "@/lib/next-jwt-auth/session/request-session";
import {
  applySessionCookiesToResponse,
  encodeSessionCookies,
  type SessionCookieWrite,
} from "@/lib/next-jwt-auth/session/session-cookie";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";
import { storageOutageResponse } from "@/lib/next-jwt-auth/storage/outage-response";

const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);
const REQUEST_BODY_LIMIT = 1024 * 1024;
const RESPONSE_BODY_LIMIT = 10 * 1024 * 1024;
const ROUTE_PREFIX = "/api/proxy/";

/**
 * The backend proxy: `/api/proxy/<path>` → `${BACKEND_URL}/<path>` with the
 * session's access token added here, on the server. The browser never holds a
 * backend token; it holds only the session cookie, which is why every request
 * is checked for cross-site origin first. See `proxy/` for each rule.
 */
async function handle(request: NextRequest): Promise<NextResponse> {
  const method = request.method.toUpperCase();
  if (!ALLOWED_METHODS.has(method)) {
    return proxyError(405, "method_not_allowed", { Allow: [...ALLOWED_METHODS].join(", ") });
  }
  const config = env();
  const csrf = checkCrossSite(method, request.headers, new URL(config.NEXTAUTH_URL).origin);
  if (!csrf.ok) return proxyError(403, "forbidden");
  if (isRefusedBodyType(request.headers.get("content-type"))) {
    return proxyError(415, "unsupported_media_type");
  }

  const prefixes = config.BACKEND_PROXY_PREFIXES.length
    ? config.BACKEND_PROXY_PREFIXES
    : BACKEND_FORWARDING.defaultPrefixes;
  // The raw, still-encoded path: Next's decoded `params` would hide `%2F` and friends.
  const rawUrl = new URL(request.url);
  const rawPath = rawUrl.pathname.startsWith(ROUTE_PREFIX)
    ? rawUrl.pathname.slice(ROUTE_PREFIX.length)
    : "";
  const target = buildBackendUrl({
    backendUrl: config.BACKEND_URL,
    rawPath,
    search: rawUrl.search,
    prefixes,
  });
  if (!target.ok)
    return proxyError(
      target.reason === "bad_segment" ? 400 : 404,
      target.reason === "bad_segment" ? "bad_path" : "not_allowed",
    );

  /** 401 `session_expired`, writing the ended token's cookie so it is never tried again. */
  const sessionExpired = (ended: SessionCookieWrite): NextResponse => {
    const response = proxyError(401, "session_expired");
    applySessionCookiesToResponse(response, ended);
    return response;
  };

  // Refreshes shortly before expiry here, not in proxy.ts: a route handler can
  // set the rotated cookie itself, and keeping /api/proxy out of proxy.ts
  // saves a second session decode and header pass on every call. Backend
  // unreachable: go on with the current token; the backend answers for itself.
  // The idle renewal waits until after the call (below), so it sees a rotation
  // a concurrent request made meanwhile.
  const session = await requestSession(request.cookies, { renew: false });
  if (session.status === "ended") return sessionExpired(session.write);
  if (session.status === "none") {
    return proxyError(401, session.token?.error ? "session_expired" : "unauthenticated");
  }

  let body: Uint8Array | undefined;
  try {
    body =
      method === "GET" || method === "HEAD"
        ? undefined
        : await readLimitedBody(request.body, REQUEST_BODY_LIMIT);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    // The tokens may have been rotated above: the browser must get them all the same.
    const tooLarge = proxyError(413, "payload_too_large");
    if (session.write) applySessionCookiesToResponse(tooLarge, session.write);
    return tooLarge;
  }

  const send = (accessToken: string) =>
    forwardToBackend({
      url: target.url,
      method,
      incomingHeaders: request.headers,
      accessToken,
      resourceHeaders: BACKEND_FORWARDING.resourceHeaders,
      body,
      timeoutMs: config.BACKEND_TIMEOUT_MS,
    });

  let current = session;
  let write = session.write;
  let result = await send(current.session.tokens.accessToken);
  if (result.ok && result.response.status === 401 && current.refreshed !== "rotated") {
    // The access token was refused early (revoked, clock skew): refresh once, retry once.
    await result.response.body?.cancel().catch(() => undefined);
    const refreshed = await refreshRequestSession(current.token, current.session, request.cookies);
    if (refreshed.status === "ended") return sessionExpired(refreshed.write);
    if (refreshed.refreshed === "unavailable") return proxyError(502, "backend_unavailable");
    current = refreshed;
    write = refreshed.write;
    result = await send(current.session.tokens.accessToken);
  }
  if (result.ok && result.response.status === 401 && current.refreshed === "rotated") {
    // Refused even with freshly rotated tokens. Some APIs answer 401 for one
    // resource while the token is good ("current password is wrong"): the
    // session ends only when the backend's identity check refuses the token
    // too; otherwise that 401 goes to the browser as it is.
    if (await identityRefused(current.session.tokens.accessToken)) {
      await result.response.body?.cancel().catch(() => undefined);
      const ended = await sessionStorage.end(
        current.token,
        "refresh_failed",
        current.session.tokens,
      );
      return sessionExpired(await encodeSessionCookies(ended, request.cookies));
    }
  }
  // Activity moves the idle deadline (at most once per renewal interval).
  write ??= await renewalWrite(session, request.cookies);
  if (!result.ok) {
    const failed = proxyError(result.error === "backend_timeout" ? 504 : 502, result.error);
    if (write) applySessionCookiesToResponse(failed, write);
    return failed;
  }

  const upstream = result.response;
  const headers = withProxyHeaders(browserResponseHeaders(upstream.headers));
  const stream =
    upstream.body && method !== "HEAD" ? limitStream(upstream.body, RESPONSE_BODY_LIMIT) : null;
  const response = new NextResponse(stream, { status: upstream.status, headers });
  if (write) applySessionCookiesToResponse(response, write);
  return response;
}

/** A session storage that is down gets its own answer (nothing is deleted), never a hang or a 500. */
async function handleOrOutage(request: NextRequest): Promise<NextResponse> {
  try {
    return await handle(request);
  } catch (error) {
    const outage = storageOutageResponse(error, new URL(request.url).pathname);
    if (!outage) throw error;
    withProxyHeaders(outage.headers);
    return outage;
  }
}

/** The route handlers of `app/api/proxy/[...path]/route.ts`, one per allowed method. */
export {
  handleOrOutage as GET,
  handleOrOutage as HEAD,
  handleOrOutage as POST,
  handleOrOutage as PUT,
  handleOrOutage as PATCH,
  handleOrOutage as DELETE,
};
