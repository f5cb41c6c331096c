// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { BackendUser, TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { sessionState } from "./live-session";
import { isProtectedPage, roleFor } from "./protected-routes";
import { hasRole } from "./roles";
import { readSessionToken } from "./session-cookie";
import { isStorageOutage } from "@/lib/next-jwt-auth/storage/outage";

/** A verified session, for server code that reads backend data. */
export interface VerifiedSession {
  user: BackendUser;
  /** Server only: never pass these to a Client Component. */
  tokens: TokenSet;
  /**
   * The access token has expired and the refresh before this render could not
   * reach the backend: calls with `tokens` would be refused. The user is still
   * signed in (an outage never ends a session); say the backend is unavailable,
   * a later request refreshes.
   */
  tokensExpired: boolean;
}

/**
 * The data-access check: decode and verify the session cookie again, here,
 * where backend data is read. `proxy.ts` only redirects optimistically and is
 * not a security boundary. Memoised per request.
 *
 * It never refreshes: a Server Component cannot set cookies, so it could not
 * persist a rotated session cookie, which is why `proxy.ts` refreshes before the page
 * renders. An access token that is still expired here means that refresh
 * could not reach the backend: still a session, marked `tokensExpired`.
 */
export const getSession = cache(async (): Promise<VerifiedSession | null> => {
  const token = await readSessionToken(await cookies());
  const state = await sessionState(token);
  if (state.status !== "live") return null;
  const { user, tokens } = state.session;
  return { user, tokens, tokensExpired: tokens.accessTokenExpiresAt <= Date.now() };
});

/**
 * The page guard: `getSession()`, or a redirect to the login page that comes
 * back to `returnTo`; and when `app.config.ts` gives the page a role
 * (`{ path, role }`), the 403 page (`app/forbidden.tsx`) for a signed-in user
 * without it, not a login loop. The role is read from the session, which the
 * server decoded itself: nothing the browser sends can grant it.
 *
 * `returnTo` must be one of `app.config.ts`'s `protectedPages`: a page missing
 * there is never refreshed by `proxy.ts`, and its session check would fail
 * once the access token expires. Refused loudly, on the first render.
 */
export async function requireSession(returnTo: string): Promise<VerifiedSession> {
  const { pathname } = new URL(returnTo, "http://localhost");
  if (!isProtectedPage(pathname)) {
    throw new Error(
      `requireSession(${JSON.stringify(returnTo)}): add its prefix to protectedPages in app.config.ts, so that proxy.ts refreshes the session before it renders`,
    );
  }
  const session = await getSession();
  if (!session) {
    redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}&reason=sign-in-required`);
  }
  const role = roleFor(pathname);
  if (role !== undefined && !hasRole(session.user, role)) forbidden();
  return session;
}

/**
 * `requireSession(returnTo)`, and the 403 answer unless the user has `role`:
 * for a Server Action or route handler, which must check like a public
 * endpoint, or for one part of a page only a role may use. A whole page that
 * needs a role is declared in `app.config.ts` instead.
 */
export async function requireRole(role: string, returnTo: string): Promise<VerifiedSession> {
  const session = await requireSession(returnTo);
  if (!hasRole(session.user, role)) forbidden();
  return session;
}

/**
 * `getSession()` for pages that only show who is signed in (the header, the
 * home and login pages): a session storage that is down reads as signed out
 * there instead of breaking the page; pages that read data use `requireSession`.
 */
export async function peekSession(): Promise<VerifiedSession | null> {
  try {
    return await getSession();
  } catch (error) {
    if (isStorageOutage(error)) return null;
    throw error;
  }
}
