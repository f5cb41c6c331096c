// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { NextResponse, type NextRequest } from "next/server";
import { safeCallbackUrl } from "@/lib/next-jwt-auth/security/safe-callback-url";
import {
  hasMalformedEscape,
  malformedPathResponse,
} from "@/lib/next-jwt-auth/security/malformed-path";
import { withSecurityHeaders } from "@/lib/next-jwt-auth/security/with-security-headers";
import {
  isProtectedPage,
  NEXT_AUTH_SESSION,
  readsSession,
  SESSION_STEP_HEADER,
} from "@/lib/next-jwt-auth/session/protected-routes";
import { requestSession } from "@/lib/next-jwt-auth/session/request-session";
import { notAllowedDirectly, roleRefusal } from "@/lib/next-jwt-auth/session/role-refusal";
import {
  applySessionCookiesToRequest,
  applySessionCookiesToResponse,
} from "@/lib/next-jwt-auth/session/session-cookie";
import { storageOutageResponse } from "@/lib/next-jwt-auth/storage/outage-response";

/**
 * Next's `proxy` (formerly middleware), re-exported by the app's `proxy.ts`.
 * It runs before the matched routes:
 *
 * 1. The request-session step (`session/request-session.ts`): refreshes the
 *    backend tokens shortly before they expire, once per refresh token (single
 *    flight), ends a session whose refresh failed or whose absolute timeout
 *    passed, and re-issues the cookie of an active one so its idle timeout
 *    follows activity. The new cookie goes on the response AND on the forwarded
 *    request, so the page of this very request already uses the new tokens.
 *    Server Components cannot set cookies, which is why this happens here.
 * 2. Redirects protected pages to `/login` when there is no session, and
 *    answers a role page (`app.config.ts`) with the 403 page for a signed-in
 *    user without the role (`session/role-refusal.ts`). These are optimistic
 *    checks only: every read of backend data verifies the session again
 *    (`session/server-session.ts`, `/api/proxy`).
 * 3. Gives every page its security headers, with a fresh CSP nonce
 *    (`security/headers.ts`).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  // Next would answer a bare 500 for these (see the matcher in proxy.ts): 400 instead.
  // First: readsSession() decodes the path.
  if (hasMalformedEscape(pathname)) return malformedPathResponse(pathname);
  // An API path matched only for that check: untouched, no session read.
  if (pathname.startsWith("/api/") && !readsSession(pathname)) return NextResponse.next();
  // Only this proxy may say that it ran the session step (see withSession).
  request.headers.delete(SESSION_STEP_HEADER);
  const secure = withSecurityHeaders(request);
  const notAllowed = notAllowedDirectly(request);
  if (notAllowed) return secure(notAllowed);
  if (!readsSession(pathname)) {
    return secure(NextResponse.next({ request: { headers: request.headers } }));
  }
  try {
    return secure(await withSession(request));
  } catch (error) {
    // A session storage that is down is not "signed out": its answer deletes nothing.
    const outage = storageOutageResponse(error, pathname);
    if (outage) return secure(outage);
    throw error;
  }
}

async function withSession(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  // Not on /api/auth/session: next-auth writes the cookie there itself.
  const session = await requestSession(request.cookies, { renew: pathname !== NEXT_AUTH_SESSION });
  const write = session.status === "none" ? undefined : session.write;

  if (session.status !== "live" && isProtectedPage(pathname)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", safeCallbackUrl(`${pathname}${search}`));
    // The login page says why: a cookie that no longer works is a session that ended.
    login.searchParams.set("reason", session.token ? "session-ended" : "sign-in-required");
    const redirect = NextResponse.redirect(login);
    if (write) applySessionCookiesToResponse(redirect, write);
    return redirect;
  }

  if (write) applySessionCookiesToRequest(request, write);
  // backendFetch in the page: tokens still expired mean this refresh found the backend down.
  request.headers.set(SESSION_STEP_HEADER, "1");
  // A signed-in user without the page's role: the 403 page, not the login page.
  const refusal = session.status === "live" && roleRefusal(request, session.session.user);
  if (refusal) {
    if (write) applySessionCookiesToResponse(refusal, write);
    return refusal;
  }
  const response = NextResponse.next({ request: { headers: request.headers } });
  if (write) applySessionCookiesToResponse(response, write);
  return response;
}
