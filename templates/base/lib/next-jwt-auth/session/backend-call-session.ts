// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { cookies, headers } from "next/headers";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";
import { sessionState } from "./live-session";
import { SESSION_STEP_HEADER } from "./protected-routes";
import { refreshRequestSession } from "./request-session";
import { getSession, type VerifiedSession } from "./server-session";
import {
  applySessionCookiesToStore,
  encodeSessionCookies,
  readSessionToken,
  type SessionCookieStore,
} from "./session-cookie";

/** The session a backend call from server code goes on with, or why there is none. */
export type BackendCallSession =
  | { status: "live"; session: VerifiedSession }
  /** Nobody is signed in. */
  | { status: "none" }
  /** The backend refused the refresh token (or the session's time is up): sign in again. */
  | { status: "ended" }
  /** The access token has expired and the refresh could not reach the backend. */
  | { status: "unavailable" }
  /**
   * The access token has expired and nothing refreshed it: a Server Component
   * of a page `proxy.ts` does not refresh, with a storage that keeps the
   * tokens in the cookie. Refreshing here would rotate the refresh token
   * without a way to store the new one.
   */
  | { status: "not_refreshed" };

/**
 * The session for `backendFetch`: `getSession()` while the access token is
 * good; once it has expired, the shared request-session refresh, where the
 * result can be kept. A storage that keeps the tokens itself (its own
 * `refresh`, under the row's lease) refreshes anywhere; one that keeps them in
 * the cookie only where the cookie can be written (Server Actions, route
 * handlers), never in a Server Component, which would lose the rotated token.
 */
export async function backendCallSession(): Promise<BackendCallSession> {
  const session = await getSession();
  if (!session) return { status: "none" };
  if (!session.tokensExpired) return { status: "live", session };

  const store = await cookies();
  const token = await readSessionToken(store);
  const state = await sessionState(token);
  if (!token || state.status === "none") return { status: "none" };
  if (state.status === "expired") return { status: "ended" };
  const keepsRotation = sessionStorage.refresh !== undefined;
  if (!keepsRotation && !(await renewCookie(store, token))) {
    // proxy.ts ran the refresh for this page and could not reach the backend.
    const refreshedByProxy = (await headers()).get(SESSION_STEP_HEADER) !== null;
    return { status: refreshedByProxy ? "unavailable" : "not_refreshed" };
  }
  const outcome = await refreshRequestSession(token, state.session, store);
  if (outcome.write) writeAfterRefresh(store, outcome.write, keepsRotation);
  if (outcome.status === "ended") return { status: "ended" };
  if (outcome.refreshed === "unavailable") return { status: "unavailable" };
  const { user, tokens } = outcome.session;
  return { status: "live", session: { user, tokens, tokensExpired: false } };
}

/**
 * Write the session cookie again (an idle renewal), before the refresh: it
 * throws where cookies are read-only (a Server Component), so the refresh
 * token is only ever exchanged where the rotated one can be stored.
 */
async function renewCookie(
  store: SessionCookieStore,
  token: Parameters<typeof encodeSessionCookies>[0],
): Promise<boolean> {
  const write = await encodeSessionCookies(token, store);
  try {
    applySessionCookiesToStore(store, write);
    return true;
  } catch {
    return false;
  }
}

function writeAfterRefresh(
  store: SessionCookieStore,
  write: Parameters<typeof applySessionCookiesToStore>[1],
  keepsRotation: boolean,
): void {
  try {
    applySessionCookiesToStore(store, write);
  } catch (error) {
    // The storage holds the rotation (the cookie only names the row): nothing is lost.
    if (keepsRotation) return;
    // Cookies turned read-only after the check above (a call left running after
    // its Server Action returned): the rotated refresh token cannot be stored.
    throw error;
  }
}
