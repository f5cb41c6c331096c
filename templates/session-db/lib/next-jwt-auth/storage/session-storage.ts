// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";
import { env } from "@/lib/next-jwt-auth/config/env";
import { getAdapter } from "@/lib/next-jwt-auth/backend/get-adapter";
import { needsRefresh, refreshTokenExpired } from "@/lib/next-jwt-auth/session/expiry";
import { renewalIntervalMs } from "@/lib/next-jwt-auth/session/idle-renewal";
import { singleFlight } from "@/lib/next-jwt-auth/session/single-flight";
import { hashSessionId, isSessionIdShaped } from "@/lib/next-jwt-auth/store/crypto";
import { getSessionStore } from "@/lib/next-jwt-auth/store/open-store";
import type { StoredSession } from "@/lib/next-jwt-auth/store/types";
import { refreshRow, type RowRefresh } from "./refresh-row";
import type { LiveSession, SessionEndReason, SessionStorage } from "./types";

/**
 * Write `lastSeenAt` at most this often per session (a read must not always be
 * a write), and at least once per renewal interval of the idle timeout, or a
 * short SESSION_IDLE_TIMEOUT would end an active session.
 */
const TOUCH_EVERY_MS = 60_000;
/**
 * Refresh in `read` this much earlier than `needsRefresh` says, so that the
 * proxy, which checks `needsRefresh` on the tokens `read` returned, finds them
 * fresh and never starts a refresh of its own outside the row's lease.
 */
const READ_AHEAD_MS = 2_000;
/** How long a refresh that could not reach the backend is remembered before the next try. */
const UNAVAILABLE_TTL_MS = 1_000;
/** Sweep expired rows at most this often per process, this many at a time. */
const SWEEP_EVERY_MS = 5 * 60_000;
const SWEEP_LIMIT = 200;

const END_REASONS: readonly SessionEndReason[] = ["refresh_failed", "expired"];
const ENDED_PREFIX = "ended.";

let lastSweep = 0;

/** Opportunistic cleanup instead of a cron: bounded, at most every few minutes, never in the way. */
function sweepExpired(now: number): void {
  if (now - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now;
  getSessionStore()
    .deleteExpired(now, SWEEP_LIMIT)
    .catch((error: unknown) => console.error("[auth] session cleanup failed:", error));
}

function idleExpiry(now: number): number {
  return now + env().SESSION_IDLE_TIMEOUT * 1000;
}

function toLive(session: StoredSession, renewCookie: boolean): LiveSession {
  return { user: session.user, tokens: session.tokens, authTime: session.createdAt, renewCookie };
}

/**
 * Refresh here, in `read`, because with a database the cookie never changes:
 * any reader (proxy, Server Component, route handler) can refresh and every
 * other one sees the result. In-process callers share one attempt (single
 * flight); other processes are held off by the row's lease (`refreshRow`).
 */
async function refreshed(
  sessionId: string,
  session: StoredSession,
  now: number,
): Promise<StoredSession | null> {
  if (
    !needsRefresh(session.tokens, now + READ_AHEAD_MS) ||
    refreshTokenExpired(session.tokens, now)
  ) {
    return session;
  }
  const outcome = await leasedRefresh(sessionId, session);
  return outcome.status === "ended" ? null : outcome.session;
}

/** Run, or join, the refresh of the row at `session.version` under its lease. */
function leasedRefresh(sessionId: string, session: StoredSession): Promise<RowRefresh> {
  const key = `db-refresh:${hashSessionId(sessionId)}:${session.version}`;
  return singleFlight(
    key,
    () =>
      refreshRow(getSessionStore(), sessionId, session, {
        refresh: (refreshToken) => getAdapter().refresh(refreshToken),
        leaseMs: env().BACKEND_TIMEOUT_MS + 5_000,
      }),
    // An unreachable backend may be back in a second: remembered only long
    // enough for the other reads of the same request (proxy.ts, the page, the
    // session callback) not to wait for the backend once each.
    {
      resultTtlMs: 5_000,
      resultTtlFor: (outcome) => (outcome.status === "unavailable" ? UNAVAILABLE_TTL_MS : 5_000),
    },
  );
}

/**
 * Database sessions: the cookie holds only an opaque, random session id; the
 * user and the backend's tokens (encrypted) live in a row keyed by the id's
 * hash (`lib/next-jwt-auth/store`). next-auth keeps `strategy: "jwt"` (Credentials
 * cannot do `"database"`); `jwt.encode`/`decode` swap its JWE for the id.
 *
 * Signing out deletes the row, so a copied cookie stops working at once.
 * A database that cannot be reached makes `read` reject with
 * `SessionStoreUnavailableError` (a 503), never "signed out": no row is
 * deleted because of it.
 */
export const sessionStorage: SessionStorage = {
  // Failed sign-ins are counted in the session database, so the throttle holds
  // across instances and restarts. Resolved per call: the store opens lazily.
  loginAttempts: {
    get: (key) => getSessionStore().loginAttempts.get(key),
    recordFailure: (key, now) => getSessionStore().loginAttempts.recordFailure(key, now),
    clear: (key) => getSessionStore().loginAttempts.clear(key),
    reserve: (key, now, mayProceed) =>
      getSessionStore().loginAttempts.reserve(key, now, mayProceed),
    release: (key, reservation) => getSessionStore().loginAttempts.release(key, reservation),
  },

  jwt: {
    // The cookie value: the session id, or a marker saying why the session ended.
    encode({ token }: JWTEncodeParams): Promise<string> {
      if (token?.error) return Promise.resolve(`${ENDED_PREFIX}${token.error}`);
      if (typeof token?.sid === "string" && isSessionIdShaped(token.sid))
        return Promise.resolve(token.sid);
      return Promise.resolve(`${ENDED_PREFIX}expired`);
    },
    decode({ token }: JWTDecodeParams): Promise<JWT | null> {
      if (!token) return Promise.resolve(null);
      if (isSessionIdShaped(token)) return Promise.resolve({ sid: token });
      const reason = END_REASONS.find((r) => token === `${ENDED_PREFIX}${r}`);
      return Promise.resolve(reason ? { error: reason } : null);
    },
  },

  async create({ user, tokens, userAgent }) {
    const now = Date.now();
    const { SESSION_ABSOLUTE_TIMEOUT } = env();
    const { sessionId } = await getSessionStore().create({
      user,
      tokens,
      now,
      idleExpiresAt: idleExpiry(now),
      absoluteExpiresAt: now + SESSION_ABSOLUTE_TIMEOUT * 1000,
      userAgent,
    });
    sweepExpired(now);
    return { sub: user.id, sid: sessionId };
  },

  async read(token) {
    if (token.error || typeof token.sid !== "string") return null;
    const now = Date.now();
    const store = getSessionStore();
    const stored = await store.get(token.sid, now);
    if (!stored) return null;
    const idle = env().SESSION_IDLE_TIMEOUT;
    // Activity moves the row's idle deadline; the cookie is written again at
    // the same moment, so the browser keeps it as long as the row lives.
    const touched = now - stored.lastSeenAt >= Math.min(TOUCH_EVERY_MS, renewalIntervalMs(idle));
    if (touched) await store.touch(token.sid, now, idleExpiry(now));
    sweepExpired(now);
    const session = await refreshed(token.sid, stored, now);
    return session ? toLive(session, touched) : null;
  },

  async persistRotation(token, previous, next) {
    if (typeof token.sid !== "string") return token;
    const store = getSessionStore();
    const now = Date.now();
    const current = await store.get(token.sid, now);
    // Another caller rotated first: the row already holds newer tokens, keep them.
    if (!current || current.tokens.refreshToken !== previous.refreshToken) return token;
    await store.rotate(token.sid, current.version, next, now);
    return token;
  },

  /**
   * A refresh asked for outside `read` (the proxy's retry after a refused
   * access token, or after `read` could not reach the backend): the same
   * leased refresh, so it never races a `read` of another request or process
   * with the same refresh token, which the loser would take for a refusal.
   */
  async refresh(token, session) {
    const ended = async () => ({
      status: "ended" as const,
      token: await sessionStorage.end(token, "refresh_failed"),
    });
    if (typeof token.sid !== "string") return ended();
    const stored = await getSessionStore().get(token.sid, Date.now());
    if (!stored) return ended();
    // Rotated by someone else since this request read the row: those tokens are good.
    if (stored.tokens.refreshToken !== session.tokens.refreshToken) {
      return { status: "rotated", token, tokens: stored.tokens };
    }
    const outcome = await leasedRefresh(token.sid, stored);
    if (outcome.status === "ended") return ended();
    if (outcome.status === "unavailable") return { status: "unavailable", token };
    return { status: "rotated", token, tokens: outcome.session.tokens };
  },

  async end(token, reason, refused) {
    if (typeof token.sid === "string") {
      const store = getSessionStore();
      if (refused) {
        // Lost a refresh race to another process: the row holds newer tokens, the session lives on.
        // Anything else (the row still holds what the backend refused) ends it, so it is never retried.
        const current = await store.get(token.sid, Date.now());
        if (current && current.tokens.refreshToken !== refused.refreshToken) return token;
      }
      await store.delete(token.sid);
    }
    const ended: JWT = { ...token, error: reason };
    delete ended.sid;
    return ended;
  },
};
