import { NextResponse, type NextRequest } from "next/server";
import { needsRefresh } from "@/lib/next-jwt-auth/session/expiry";
import { sessionState } from "@/lib/next-jwt-auth/session/live-session";
import {
  isProtectedPage,
  NEXT_AUTH_SESSION,
  readsSession,
} from "@/lib/next-jwt-auth/session/protected-routes";
import { refreshSession, tokenForRenewal } from "@/lib/next-jwt-auth/session/refresh";
import {
  applySessionCookiesToRequest,
  applySessionCookiesToResponse,
  encodeSessionCookies,
  readSessionToken,
  type SessionCookieWrite,
} from "@/lib/next-jwt-auth/session/session-cookie";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";
import { storageOutageResponse } from "@/lib/next-jwt-auth/storage/outage-response";
import { safeCallbackUrl } from "@/lib/next-jwt-auth/security/safe-callback-url";
import {
  createNonce,
  currentSecurityHeaderOptions,
  securityHeaders,
} from "@/lib/next-jwt-auth/security/headers";
import {
  hasMalformedEscape,
  malformedPathResponse,
} from "@/lib/next-jwt-auth/security/malformed-path";

/**
 * A per-request nonce in the CSP, on the request (Next reads it there and puts
 * it on its own scripts; `x-nonce` is for your own `<Script nonce>`) and on the
 * response (the browser enforces it).
 */
function withSecurityHeaders(request: NextRequest): (response: NextResponse) => NextResponse {
  const nonce = createNonce();
  const headers = securityHeaders(nonce, currentSecurityHeaderOptions());
  request.headers.set("x-nonce", nonce);
  for (const [name, value] of headers) {
    if (name === "Content-Security-Policy") request.headers.set(name, value);
  }
  return (response) => {
    for (const [name, value] of headers) response.headers.set(name, value);
    return response;
  };
}

/**
 * Runs before the matched routes (Next 16's `proxy.ts`, formerly middleware):
 *
 * 1. Refreshes the backend tokens shortly before they expire, once per refresh
 *    token (single flight), and writes the re-encoded cookie on the response
 *    AND on the forwarded request, so the page or route handler of this very
 *    request already uses the new tokens. Server Components cannot set cookies,
 *    which is why this happens here and not in next-auth's `jwt` callback.
 * 2. Ends a session whose refresh failed or whose absolute timeout passed, once
 *    (the token is marked and never refreshed again), and re-issues the cookie
 *    of an active one so its idle timeout follows activity
 *    (`lib/next-jwt-auth/session/idle-renewal.ts`).
 * 3. Redirects protected pages to `/login` when there is no session. This is an
 *    optimistic check only: every read of backend data verifies the session
 *    again (`lib/next-jwt-auth/session/server-session.ts`, `app/api/proxy`).
 * 4. Gives every page its security headers, with a fresh CSP nonce
 *    (`lib/next-jwt-auth/security/headers.ts`).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  // Next would answer a bare 500 for these (see config.matcher): 400 instead.
  // First: readsSession() decodes the path.
  if (hasMalformedEscape(pathname)) return malformedPathResponse(pathname);
  // An API path matched only for that check: untouched, no session read.
  if (pathname.startsWith("/api/") && !readsSession(pathname)) return NextResponse.next();
  const secure = withSecurityHeaders(request);
  if (!readsSession(request.nextUrl.pathname)) {
    return secure(NextResponse.next({ request: { headers: request.headers } }));
  }
  try {
    return secure(await withSession(request));
  } catch (error) {
    // A session storage that is down is not "signed out": its answer deletes nothing.
    const outage = storageOutageResponse(error, request.nextUrl.pathname);
    if (outage) return secure(outage);
    throw error;
  }
}

async function withSession(request: NextRequest): Promise<NextResponse> {
  const token = await readSessionToken(request.cookies);
  const state = await sessionState(token);
  let write: SessionCookieWrite | undefined;
  let signedIn = state.status === "live";

  if (token && state.status === "expired") {
    write = await encodeSessionCookies(await sessionStorage.end(token, "expired"), request.cookies);
    signedIn = false;
  } else if (token && state.status === "live" && needsRefresh(state.session.tokens)) {
    const outcome = await refreshSession(token, state.session);
    // "unavailable": keep the cookie; the page shows the backend error and a later request retries.
    if (outcome.status !== "unavailable") {
      write = await encodeSessionCookies(outcome.token, request.cookies);
      signedIn = outcome.status === "rotated";
    }
  } else if (token && state.status === "live" && state.session.renewCookie) {
    // Activity moves the idle deadline (at most once per renewal interval).
    // Not on /api/auth/session: next-auth writes the cookie there itself.
    const renewed =
      request.nextUrl.pathname === NEXT_AUTH_SESSION
        ? null
        : await tokenForRenewal(token, state.session);
    if (renewed) write = await encodeSessionCookies(renewed, request.cookies);
  }

  const { pathname, search } = request.nextUrl;
  if (!signedIn && isProtectedPage(pathname)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", safeCallbackUrl(`${pathname}${search}`));
    // The login page says why: a cookie that no longer works is a session that ended.
    login.searchParams.set("reason", token ? "session-ended" : "sign-in-required");
    const redirect = NextResponse.redirect(login);
    if (write) applySessionCookiesToResponse(redirect, write);
    return redirect;
  }

  if (write) applySessionCookiesToRequest(request, write);
  const response = NextResponse.next({ request: { headers: request.headers } });
  if (write) applySessionCookiesToResponse(response, write);
  return response;
}

export const config = {
  // Every page (security headers) and next-auth's session endpoint (it
  // re-issues the cookie, which must not resurrect an old token); not static
  // assets, next-auth's other endpoints nor the backend proxy, whose route
  // handler refreshes and sets its own headers (lib/next-jwt-auth/proxy/responses.ts).
  // API paths only when they hold a `%`, for the malformed-escape check: an
  // ordinary proxy call never runs this file.
  matcher: [
    "/api/auth/session",
    "/api/(.*%.*)",
    "/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|xml|webmanifest)$).*)",
  ],
};
