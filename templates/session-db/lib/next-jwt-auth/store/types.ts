// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { BackendUser, TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { SessionStorageUnavailableError } from "@/lib/next-jwt-auth/storage/errors";
import type { DbLoginAttemptStore } from "./login-attempt-store";

/**
 * One server-side session as the app sees it: tokens already decrypted.
 * The raw session id is never part of it; only the cookie holds that.
 */
export interface StoredSession {
  /** SHA-256 of the session id, hex. Safe to show: it does not open the session. */
  idHash: string;
  user: BackendUser;
  tokens: TokenSet;
  /** Epoch milliseconds, like every time below. */
  createdAt: number;
  lastSeenAt: number;
  /** When the session ends if unused; never later than `absoluteExpiresAt`. */
  idleExpiresAt: number;
  /** When the session ends however active it is. */
  absoluteExpiresAt: number;
  userAgent: string | null;
  /** Bumped by every rotation; the compare-and-swap key. */
  version: number;
}

/** What the "your sessions" list shows; holds no token. */
export type SessionSummary = Pick<
  StoredSession,
  "idHash" | "createdAt" | "lastSeenAt" | "idleExpiresAt" | "absoluteExpiresAt" | "userAgent"
>;

export interface NewSession {
  user: BackendUser;
  tokens: TokenSet;
  now: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
  userAgent?: string | null | undefined;
}

/**
 * Outcome of a compare-and-swap rotation. `lost` carries the row the winner
 * wrote, so the loser uses the winner's tokens instead of refreshing again
 * (its own refresh token has already been rotated out at the backend).
 */
export type RotateResult =
  | { status: "won"; session: StoredSession }
  | { status: "lost"; session: StoredSession }
  | { status: "gone" };

/**
 * Outcome of claiming the right to refresh. Only the `claimed` caller talks to
 * the backend; a `busy` caller waits for the claimant's `rotate` (or for the
 * lease to lapse, if the claimant died) and never sends the refresh token.
 */
export type ClaimResult =
  | { status: "claimed"; session: StoredSession }
  | { status: "busy"; session: StoredSession }
  | { status: "gone" };

/**
 * The one storage interface behind database sessions. The store of each
 * supported database passes the same contract suite (`store-contract.ts`).
 *
 * Every method taking a `sessionId` takes the raw id from the cookie and
 * hashes it itself, so no caller can store or look up the raw id by mistake.
 * Every failure to reach the database rejects with `SessionStoreUnavailableError`.
 */
export interface SessionStore {
  /** Store a new session and return its freshly drawn id (for the cookie). */
  create(input: NewSession): Promise<{ sessionId: string; session: StoredSession }>;
  /** The live session, or null when unknown, expired, malformed or unreadable. */
  get(sessionId: string, now: number): Promise<StoredSession | null>;
  /** Record activity: moves `lastSeenAt` and the idle expiry (capped at the absolute one). */
  touch(sessionId: string, now: number, idleExpiresAt: number): Promise<void>;
  /**
   * Take a lease on refreshing the row at `expectedVersion` until `leaseUntil`,
   * unless another caller holds an unexpired lease or the row has moved on.
   * Atomic across processes: of racing claims exactly one is `claimed`.
   */
  claimRefresh(
    sessionId: string,
    expectedVersion: number,
    leaseUntil: number,
    now: number,
  ): Promise<ClaimResult>;
  /** Give a lease back without rotating (the backend could not be reached). */
  releaseRefresh(sessionId: string, expectedVersion: number): Promise<void>;
  /** Replace the tokens (and drop any lease) if the row still has `expectedVersion`. Atomic across processes. */
  rotate(
    sessionId: string,
    expectedVersion: number,
    tokens: TokenSet,
    now: number,
  ): Promise<RotateResult>;
  /** Delete the session (sign-out). Deleting an unknown id is not an error. */
  delete(sessionId: string): Promise<void>;
  /** The user's live sessions, most recently seen first. */
  listForUser(userId: string, now: number): Promise<SessionSummary[]>;
  /** End one of the user's sessions by its hash (from `listForUser`); false when not the user's. */
  deleteForUser(userId: string, idHash: string): Promise<boolean>;
  /** "Sign out everywhere else": delete every session of the user but `keepSessionId`. */
  deleteOthersForUser(userId: string, keepSessionId: string): Promise<number>;
  /** Delete at most `limit` expired rows; returns how many went. */
  deleteExpired(now: number, limit: number): Promise<number>;
  /** Failed sign-ins for the login throttle, in the same database (table `login_attempts`). */
  readonly loginAttempts: DbLoginAttemptStore;
  /** The schema version the database holds. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

/** The database cannot be reached, timed out or is locked. Maps to 503, never to "signed out". */
export class SessionStoreUnavailableError extends SessionStorageUnavailableError {
  override readonly name: string = "SessionStoreUnavailableError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
