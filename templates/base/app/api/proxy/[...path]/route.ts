import type { JWT } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/next-jwt-auth/config/env";
import { getAdapter } from "@/lib/next-jwt-auth/backend/get-adapter";
import { isBackendError } from "@/lib/next-jwt-auth/backend/errors";
import { BACKEND_FORWARDING } from "@/lib/backend/forwarding";
import { needsRefresh } from "@/lib/next-jwt-auth/session/expiry";
import { sessionState } from "@/lib/next-jwt-auth/session/live-session";
import { refreshSession, tokenForRenewal } from "@/lib/next-jwt-auth/session/refresh";
import {
  applySessionCookiesToResponse,
  encodeSessionCookies,
  readSessionToken,
  type SessionCookieWrite,
} from "@/lib/next-jwt-auth/session/session-cookie";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";
import { storageOutageResponse } from "@/lib/next-jwt-auth/storage/outage-response";
import { BodyTooLargeError, limitStream, readLimitedBody } from "@/lib/next-jwt-auth/proxy/body";
import { checkCrossSite, isRefusedBodyType } from "@/lib/next-jwt-auth/proxy/csrf";
import { forwardToBackend } from "@/lib/next-jwt-auth/proxy/forward";
import { browserResponseHeaders } from "@/lib/next-jwt-auth/proxy/headers";
import { buildBackendUrl } from "@/lib/next-jwt-auth/proxy/path";
import { proxyError, withProxyHeaders } from "@/lib/next-jwt-auth/proxy/responses";

export const dynamic = "force-dynamic";

const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);
const REQUEST_BODY_LIMIT = 1024 * 1024;
const RESPONSE_BODY_LIMIT = 10 * 1024 * 1024;
const ROUTE_PREFIX = "/api/proxy/";

/**
 * The backend proxy: `/api/proxy/<path>` → `${BACKEND_URL}/<path>` with the
 * session's access token added here, on the server. The browser never holds a
 * backend token; it holds only the session cookie, which is why every request
 * is checked for cross-site origin first. See lib/next-jwt-auth/proxy/ for each rule.
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
  const sessionExpired = async (endedToken: JWT): Promise<NextResponse> => {
    const ended = proxyError(401, "session_expired");
    applySessionCookiesToResponse(ended, await encodeSessionCookies(endedToken, request.cookies));
    return ended;
  };

  const token = await readSessionToken(request.cookies);
  const state = await sessionState(token);
  if (state.status === "expired" && token) {
    // Absolute timeout or dead refresh token.
    return sessionExpired(await sessionStorage.end(token, "expired"));
  }
  if (state.status !== "live" || !token) {
    return proxyError(401, token?.error ? "session_expired" : "unauthenticated");
  }

  let body: Uint8Array | undefined;
  try {
    body =
      method === "GET" || method === "HEAD"
        ? undefined
        : await readLimitedBody(request.body, REQUEST_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return proxyError(413, "payload_too_large");
    throw error;
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

  const live = state.session;
  let current = { token, tokens: live.tokens };
  let write: SessionCookieWrite | undefined;
  /**
   * Refresh (single flight per refresh token); when rotated, `write` holds the
   * new cookie. A response when the session cannot go on.
   */
  const refresh = async (): Promise<NextResponse | "rotated" | "unavailable"> => {
    const outcome = await refreshSession(current.token, { ...live, tokens: current.tokens });
    if (outcome.status === "unavailable") return "unavailable";
    if (outcome.status === "ended") return sessionExpired(outcome.token);
    write = await encodeSessionCookies(outcome.token, request.cookies);
    current = { token: outcome.token, tokens: outcome.tokens };
    return "rotated";
  };

  // Refresh shortly before expiry here, not in proxy.ts: a route handler can
  // set the rotated cookie itself, and keeping /api/proxy out of proxy.ts
  // saves a second session decode and header pass on every call. Backend
  // unreachable: go on with the current token; the backend answers for itself.
  let rotated = false;
  if (needsRefresh(current.tokens)) {
    const outcome = await refresh();
    if (outcome instanceof NextResponse) return outcome;
    rotated = outcome === "rotated";
  }
  let result = await send(current.tokens.accessToken);
  if (result.ok && result.response.status === 401 && !rotated) {
    // The access token was refused early (revoked, clock skew): refresh once, retry once.
    await result.response.body?.cancel().catch(() => undefined);
    const outcome = await refresh();
    if (outcome instanceof NextResponse) return outcome;
    if (outcome === "unavailable") return proxyError(502, "backend_unavailable");
    rotated = true;
    result = await send(current.tokens.accessToken);
  }
  if (result.ok && result.response.status === 401 && rotated) {
    // Refused even with freshly rotated tokens. Some APIs answer 401 for one
    // resource while the token is good ("current password is wrong"): the
    // session ends only when the backend's identity check refuses the token
    // too; otherwise that 401 goes to the browser as it is.
    if (await identityRefused(current.tokens.accessToken)) {
      await result.response.body?.cancel().catch(() => undefined);
      return sessionExpired(
        await sessionStorage.end(current.token, "refresh_failed", current.tokens),
      );
    }
  }
  if (!write && live.renewCookie) {
    // Activity moves the idle deadline (at most once per renewal interval).
    const renewed = await tokenForRenewal(token, live);
    if (renewed) write = await encodeSessionCookies(renewed, request.cookies);
  }
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

/**
 * Whether the backend refuses `accessToken` for its identity check (the
 * adapter's me / profile / userinfo). Any other failure (an outage, an odd
 * answer) proves nothing about the token: the session stays.
 */
async function identityRefused(accessToken: string): Promise<boolean> {
  try {
    await getAdapter().me(accessToken);
    return false;
  } catch (error) {
    return isBackendError(error, "unauthorized");
  }
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

export {
  handleOrOutage as GET,
  handleOrOutage as HEAD,
  handleOrOutage as POST,
  handleOrOutage as PUT,
  handleOrOutage as PATCH,
  handleOrOutage as DELETE,
};
