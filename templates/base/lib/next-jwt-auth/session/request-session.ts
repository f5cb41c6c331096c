// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { JWT } from "next-auth/jwt";
import type { LiveSession } from "@/lib/next-jwt-auth/storage/types";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";
import { needsRefresh } from "./expiry";
import { sessionState } from "./live-session";
import { refreshSession, tokenForRenewal } from "./refresh";
import { encodeSessionCookies, readSessionToken, type SessionCookieWrite } from "./session-cookie";

interface CookieReader {
  getAll(): { name: string; value: string }[];
}

/** A session that goes on: `session.tokens` are the ones to call the backend with. */
export interface LiveRequestSession {
  status: "live";
  token: JWT;
  session: LiveSession;
  /**
   * What the refresh before this request came to: `null` when none was due;
   * `"unavailable"` when the backend could not be reached (the session stays,
   * a later request retries).
   */
  refreshed: "rotated" | "unavailable" | null;
  /** The cookie to write on the response (rotated tokens or an idle renewal). */
  write?: SessionCookieWrite;
}

/** A session this request ended (absolute timeout, expired or refused refresh token). */
export interface EndedRequestSession {
  status: "ended";
  /** The ended token: it is never refreshed again. */
  token: JWT;
  /** Its cookie, to write on the response so the browser stops sending the old one. */
  write: SessionCookieWrite;
}

/** No session: no cookie, one that does not decode, or one ended earlier (`token.error`). */
export interface NoRequestSession {
  status: "none";
  token: JWT | null;
}

/** What a request's session cookie came to. */
export type RequestSession = LiveRequestSession | EndedRequestSession | NoRequestSession;

/**
 * The request-session step, shared by `proxy.ts` and the backend proxy route:
 * read the session cookie, end the session when its time is up, refresh the
 * tokens shortly before they expire (single flight, or the storage's own
 * `refresh`) and, with `renew`, re-issue the cookie of an active session so
 * its idle timeout follows activity. A refresh the backend cannot answer keeps
 * the session. The caller writes `write` on its response.
 */
export async function requestSession(
  cookies: CookieReader,
  options: { renew: boolean },
): Promise<RequestSession> {
  const token = await readSessionToken(cookies);
  const state = await sessionState(token);
  if (!token || state.status === "none") return { status: "none", token };
  if (state.status === "expired") {
    const ended = await sessionStorage.end(token, "expired");
    return { status: "ended", token: ended, write: await encodeSessionCookies(ended, cookies) };
  }
  if (needsRefresh(state.session.tokens))
    return refreshRequestSession(token, state.session, cookies);
  const live: LiveRequestSession = {
    status: "live",
    token,
    session: state.session,
    refreshed: null,
  };
  if (options.renew) {
    const write = await renewalWrite(live, cookies);
    if (write) live.write = write;
  }
  return live;
}

/**
 * Refresh the session's tokens now and plan the cookie: the rotated tokens,
 * the ended token when the backend refused the refresh token, nothing when it
 * could not be reached.
 */
export async function refreshRequestSession(
  token: JWT,
  session: LiveSession,
  cookies: CookieReader,
): Promise<LiveRequestSession | EndedRequestSession> {
  const outcome = await refreshSession(token, session);
  if (outcome.status === "unavailable") {
    return { status: "live", token, session, refreshed: "unavailable" };
  }
  const write = await encodeSessionCookies(outcome.token, cookies);
  if (outcome.status === "ended") return { status: "ended", token: outcome.token, write };
  return {
    status: "live",
    token: outcome.token,
    session: { ...session, tokens: outcome.tokens },
    refreshed: "rotated",
    write,
  };
}

/**
 * The idle renewal: the cookie that moves the idle deadline when it is due
 * (at most once per renewal interval, `idle-renewal.ts`), or nothing. Carries
 * the rotated tokens when this process has just refreshed them for a
 * concurrent request, so a renewal never writes revoked tokens back.
 */
export async function renewalWrite(
  live: Pick<LiveRequestSession, "token" | "session">,
  cookies: CookieReader,
): Promise<SessionCookieWrite | undefined> {
  if (!live.session.renewCookie) return undefined;
  const renewed = await tokenForRenewal(live.token, live.session);
  return renewed ? encodeSessionCookies(renewed, cookies) : undefined;
}
