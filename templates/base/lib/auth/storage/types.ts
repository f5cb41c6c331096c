import type { JWT, JWTOptions } from "next-auth/jwt";
import type { BackendUser, TokenSet } from "../backend/types";
import type { LoginAttemptStore } from "../login-attempts";

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
   * The idle deadline is due to move (`lib/auth/idle-renewal.ts`): write the
   * session cookie again on this response, so it lives another
   * `SESSION_IDLE_TIMEOUT` in the browser (and, jwt, in its own expiry).
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
  /** The browser's `User-Agent`, for a session list in db mode; jwt mode ignores it. */
  userAgent?: string | undefined;
}

/**
 * Where the backend's tokens live between requests: the only thing that
 * differs between the two storages a generated app can have.
 *
 * - **jwt** (`templates/session-jwt`): the tokens ride in next-auth's own
 *   encrypted cookie (JWE). A rotation changes the cookie, so it can only be
 *   persisted where a response can set it: `proxy.ts` (pages) and the
 *   `/api/proxy` route handler re-encode the cookie (see
 *   `lib/auth/session-cookie.ts`). `jwt` is `undefined`: next-auth's
 *   default `encode`/`decode` are used.
 * - **db** (`templates/session-db`): next-auth still runs with
 *   `strategy: "jwt"` (Credentials cannot do `"database"`), but `jwt.encode`
 *   writes only an opaque session id into the cookie and `jwt.decode` turns it
 *   back into a token whose `sid` points at a row holding user and tokens.
 *   The cookie never changes on refresh, so `persistRotation` is a
 *   compare-and-swap on the row (`UPDATE … WHERE refresh_token = $old`), which
 *   also makes rotation safe across several server processes, and `end`
 *   deletes the row (instant revocation).
 *
 * A db implementation plugs in by exporting `sessionStorage` from
 * `lib/auth/storage/session-storage.ts` in its own layer; nothing else in the
 * app imports a concrete storage. The same `jwt` overrides are passed to
 * next-auth's options and to every `getToken`/`encode` call (proxy, route
 * handlers), so all of them agree on the cookie format.
 */
export interface SessionStorage {
  readonly kind: "jwt" | "db";

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
   * become next-auth's token (jwt: user + tokens; db: user + new row id).
   */
  create(session: NewSession): Promise<JWT>;

  /**
   * The live session behind a decoded token, or `null` when there is none
   * (ended, revoked, row gone, malformed token). Never throws for bad input.
   */
  read(token: JWT): Promise<LiveSession | null>;

  /**
   * Persist a refresh: `previous` was exchanged for `next`. Returns the token
   * to encode into the cookie (jwt: the same claims with the new tokens; db:
   * the unchanged token once the row holds `next`). A db storage that loses
   * the compare-and-swap returns the token of the row's current state.
   */
  persistRotation(token: JWT, previous: TokenSet, next: TokenSet): Promise<JWT>;

  /**
   * End the session (a refused refresh, a timeout, sign-out). Returns the token
   * to encode: it carries `error` and no longer yields a live session, so the
   * refresh is never attempted again (jwt: tokens dropped; db: row deleted).
   *
   * `refused` is the token set the backend turned down, when that is why the
   * session ends. A db storage shared by several processes keeps the session
   * only when the row already holds a different refresh token: another process
   * won the race and its tokens are good.
   */
  end(token: JWT, reason: SessionEndReason, refused?: TokenSet): Promise<JWT>;

  /**
   * Refresh the session's tokens the storage's own way. Absent: the
   * in-process single flight of `lib/auth/refresh.ts` (jwt). The db storage
   * refreshes under the row's lease, the same one `read` takes, so that no
   * caller in any process exchanges a refresh token another is exchanging.
   */
  refresh?(token: JWT, session: LiveSession): Promise<RefreshOutcome>;
}
