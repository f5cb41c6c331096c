import { createHash } from "node:crypto";

/** Milliseconds since the epoch; injected so tests can move time without sleeping. */
export type Clock = () => number;

/** One sign-in: every token issued from it, through any number of rotations. */
interface Session {
  userId: number;
  revoked: boolean;
}

interface RefreshRecord {
  sessionId: string;
  expiresAt: number;
  /** `rotated`: an earlier refresh exchanged it; presenting it again is reuse. */
  state: "active" | "rotated";
}

interface AccessRecord {
  sessionId: string;
  expiresAt: number;
}

/** A token about to be stored: the string and when it stops being accepted (ms). */
export interface NewToken {
  token: string;
  expiresAt: number;
}

export type RefreshCheck =
  | { ok: true; sessionId: string; userId: number }
  | { ok: false; reason: "unknown" | "expired" | "revoked" }
  /** The session is named so that the caller can end it (RFC 9700 §4.14.2). */
  | { ok: false; reason: "reused"; sessionId: string };

export type AccessCheck =
  | { ok: true; sessionId: string; userId: number }
  | { ok: false; reason: "unknown" | "expired" | "revoked" };

/** Tokens are stored only as SHA-256 hashes, like a real server should. */
function hash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * The server's memory of sessions and tokens. Every method is synchronous, so
 * a check and the change it leads to can never interleave with another request:
 * of two identical refreshes, exactly one finds the token still active.
 *
 * Access tokens are stored only for the opaque format; JWT access tokens are
 * verified by signature and then checked against their session here.
 */
export class TokenStore {
  private sessions = new Map<string, Session>();
  private refreshTokens = new Map<string, RefreshRecord>();
  private accessTokens = new Map<string, AccessRecord>();

  constructor(private readonly now: Clock) {}

  /** Start a session with its first pair (`access` only for opaque access tokens). */
  open(sessionId: string, userId: number, refresh: NewToken, access?: NewToken): void {
    this.sessions.set(sessionId, { userId, revoked: false });
    this.addTokens(sessionId, refresh, access);
  }

  /** What a presented refresh token is worth right now; changes nothing. */
  checkRefresh(token: string): RefreshCheck {
    const record = this.refreshTokens.get(hash(token));
    if (!record) return { ok: false, reason: "unknown" };
    const session = this.sessions.get(record.sessionId);
    if (!session) return { ok: false, reason: "unknown" };
    // Reuse first: a rotated-out token stays a client bug even after it expires or the session ends.
    if (record.state === "rotated")
      return { ok: false, reason: "reused", sessionId: record.sessionId };
    if (session.revoked) return { ok: false, reason: "revoked" };
    if (this.now() >= record.expiresAt) return { ok: false, reason: "expired" };
    return { ok: true, sessionId: record.sessionId, userId: session.userId };
  }

  /**
   * Exchange `token` for the new pair, atomically: checks it again (another
   * request may have rotated it, or a logout or reset happened, since the new
   * pair was minted), retires it and stores the new pair.
   */
  rotate(token: string, refresh: NewToken, access?: NewToken): RefreshCheck {
    const check = this.checkRefresh(token);
    if (!check.ok) return check;
    const record = this.refreshTokens.get(hash(token));
    if (record) record.state = "rotated";
    this.addTokens(check.sessionId, refresh, access);
    return check;
  }

  /** An opaque access token's session, if the token is known, unexpired and its session live. */
  checkOpaqueAccess(token: string): AccessCheck {
    const record = this.accessTokens.get(hash(token));
    if (!record) return { ok: false, reason: "unknown" };
    return this.checkSession(record.sessionId, record.expiresAt);
  }

  /** A verified JWT access token's session: still live? (Expiry is the JWT's own `exp`.) */
  checkSessionOf(sessionId: string): AccessCheck {
    return this.checkSession(sessionId, Number.POSITIVE_INFINITY);
  }

  /** End a session: its refresh token and all its access tokens stop working. */
  revoke(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (session) session.revoked = true;
  }

  /** Forget every session and token. */
  clear(): void {
    this.sessions.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
  }

  private checkSession(sessionId: string, expiresAt: number): AccessCheck {
    const session = this.sessions.get(sessionId);
    if (!session) return { ok: false, reason: "unknown" };
    if (this.now() >= expiresAt) return { ok: false, reason: "expired" };
    if (session.revoked) return { ok: false, reason: "revoked" };
    return { ok: true, sessionId, userId: session.userId };
  }

  private addTokens(sessionId: string, refresh: NewToken, access?: NewToken): void {
    this.refreshTokens.set(hash(refresh.token), {
      sessionId,
      expiresAt: refresh.expiresAt,
      state: "active",
    });
    if (access)
      this.accessTokens.set(hash(access.token), { sessionId, expiresAt: access.expiresAt });
  }
}
