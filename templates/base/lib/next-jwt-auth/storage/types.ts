// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { JWT, JWTOptions } from "next-auth/jwt";
import type { BackendUser, TokenSet } from "@/lib/next-jwt-auth/backend/types";
import type { LoginAttemptStore } from "@/lib/next-jwt-auth/sign-in/login-attempts";

/**
 * Why a session ended before its cookie did. Exposed to the client as a flag so
 * `useAuth` can send the user back to `/login`; never retried on the server.
 */
export type SessionEndReason = "refresh_failed" | "expired";

/** What the app needs from a session: the user to show and the tokens to call the backend with. */
export interface LiveSession {
  user: BackendUser;
  tokens: TokenSet;
  /** Epoch milliseconds of the sign-in, for the absolute timeout. */
  authTime: number;
  /**
   * The idle deadline is due to move (`lib/next-jwt-auth/session/idle-renewal.ts`): write the
   * session cookie again on this response, so it lives another
   * `SESSION_IDLE_TIMEOUT` in the browser.
   * Absent: not due.
   */
  renewCookie?: boolean;
}

/** What a refresh of the session's tokens came to. */
export type RefreshOutcome =
  /** The token now carries new backend tokens (persisted by the storage). */
  | { status: "rotated"; token: JWT; tokens: TokenSet }
  /** The backend refused the refresh token: the token is ended and must never be refreshed again. */
  | { status: "ended"; token: JWT }
  /** The backend could not be reached: keep the session, try again on a later request. */
  | { status: "unavailable"; token: JWT };

/** Everything known at sign-in. */
export interface NewSession {
  user: BackendUser;
  tokens: TokenSet;
  /** The browser's `User-Agent`, for a storage that lists sessions; others ignore it. */
  userAgent?: string | undefined;
}

/**
 * Where the backend's tokens live between requests. The app's one
 * implementation is `sessionStorage` in `lib/next-jwt-auth/storage/session-storage.ts`
 * (its comment says how it keeps them); nothing else imports it directly. The
 * same `jwt` overrides are passed to next-auth's options and to every
 * `getToken`/`encode` call (proxy, route handlers), so all of them agree on
 * the cookie format.
 */
export interface SessionStorage {
  /** next-auth `jwt.encode`/`jwt.decode` overrides; `undefined` keeps next-auth's encrypted JWT. */
  readonly jwt: Pick<JWTOptions, "encode" | "decode"> | undefined;

  /**
   * Where failed sign-ins are counted for the login throttle. Absent: in this
   * process's memory (per process, forgotten on restart; fine for one
   * instance). A shared store makes the limit hold across instances.
   */
  readonly loginAttempts?: LoginAttemptStore;

  /**
   * Called once by the `jwt` callback at sign-in. Returns the claims that
   * become next-auth's token.
   */
  create(session: NewSession): Promise<JWT>;

  /**
   * The live session behind a decoded token, or `null` when there is none
   * (ended, revoked, malformed token). Never throws for bad input.
   */
  read(token: JWT): Promise<LiveSession | null>;

  /**
   * Persist a refresh: `previous` was exchanged for `next`. Returns the token
   * to encode into the cookie. A storage shared by several processes that
   * lost the race to another rotation returns the token of the current state.
   */
  persistRotation(token: JWT, previous: TokenSet, next: TokenSet): Promise<JWT>;

  /**
   * End the session (a refused refresh, a timeout, sign-out). Returns the token
   * to encode: it carries `error` and no longer yields a live session, so the
   * refresh is never attempted again.
   *
   * `refused` is the token set the backend turned down, when that is why the
   * session ends. A storage shared by several processes keeps the session
   * when it already holds a different refresh token: another process won the
   * race and its tokens are good.
   */
  end(token: JWT, reason: SessionEndReason, refused?: TokenSet): Promise<JWT>;

  /**
   * Refresh the session's tokens the storage's own way. Absent: the
   * in-process single flight of `lib/next-jwt-auth/session/refresh.ts`. A storage shared by
   * several processes refreshes under its own lease, so that no caller in any
   * process exchanges a refresh token another is exchanging.
   */
  refresh?(token: JWT, session: LiveSession): Promise<RefreshOutcome>;
}
