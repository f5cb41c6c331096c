import { Injectable } from "@nestjs/common";
import { randomUUID } from "node:crypto";
import { sameHash, tokenHash } from "./token-hash";

/**
 * One row per sign-in. The recipe keeps one `hashedRt` per user, so a second device signing
 * in logs the first one out of refreshing; this keeps one per session instead.
 */
export interface Session {
  sid: string;
  userId: number;
  /** Hash of the one refresh token that may be used next; never the token itself. */
  refreshHash: string;
}

/** A refresh token some refresh already exchanged: remembered to tell "reused" from "unknown". */
interface Retired {
  sid: string;
  /** When the token expires anyway (ms since the epoch). */
  expiresAt: number;
}

export type RotationOutcome<T> =
  | { kind: "rotated"; tokens: T }
  /** The token was current once but an earlier refresh rotated it out. */
  | { kind: "reused"; sid: string }
  /** Not the session's current token and never seen: logged out, revoked, reset, forged. */
  | { kind: "unknown" };

@Injectable()
export class SessionsService {
  private readonly sessions = new Map<string, Session>();
  private readonly retired = new Map<string, Retired>();

  /** A new session whose first refresh token is yet to be issued (see `start`). */
  newSessionId(): string {
    return randomUUID();
  }

  /** Store a session with the hash of its first refresh token. */
  start(sid: string, userId: number, refreshToken: string): void {
    this.sessions.set(sid, { sid, userId, refreshHash: tokenHash(refreshToken) });
  }

  isActive(sid: unknown, userId: unknown): boolean {
    if (typeof sid !== "string") return false;
    return this.sessions.get(sid)?.userId === userId;
  }

  /**
   * Exchange `presented` for the token `next()` issues, if it is the session's current one.
   * Synchronous on purpose: between the comparison and the replacement nothing else can
   * run, so of two identical refreshes arriving together exactly one wins and the other
   * finds the token already rotated out.
   */
  rotate<T extends { refresh_token: string }>(
    presented: { sid: string; userId: number; token: string; expiresAt: number },
    next: () => T,
  ): RotationOutcome<T> {
    const hash = tokenHash(presented.token);
    const session = this.sessions.get(presented.sid);
    if (session && session.userId === presented.userId && sameHash(session.refreshHash, hash)) {
      const tokens = next();
      this.retire(hash, session.sid, presented.expiresAt);
      session.refreshHash = tokenHash(tokens.refresh_token);
      return { kind: "rotated", tokens };
    }
    const retired = this.retired.get(hash);
    if (retired) return { kind: "reused", sid: retired.sid };
    return { kind: "unknown" };
  }

  /** End a session: its refresh token and its access tokens stop working. */
  revoke(sid: string): boolean {
    return this.sessions.delete(sid);
  }

  /** Forget everything (the contract's `POST /__mock/reset`). */
  clear(): void {
    this.sessions.clear();
    this.retired.clear();
  }

  /** Remember a rotated-out token until it expires; drop those that have. */
  private retire(hash: string, sid: string, expiresAt: number): void {
    const now = Date.now();
    // An expired token fails the signature check before it gets here: no need to keep it.
    for (const [key, entry] of this.retired) {
      if (entry.expiresAt <= now) this.retired.delete(key);
    }
    this.retired.set(hash, { sid, expiresAt });
  }
}
