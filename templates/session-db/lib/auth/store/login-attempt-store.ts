import "server-only";
import { createHash } from "node:crypto";
import type { FailureRecord, LoginAttemptStore } from "@/lib/auth/login-attempts";

/** A key's failures are forgotten this long after its latest one (as in the in-memory store). */
export const FORGET_ATTEMPTS_AFTER_MS = 24 * 3_600_000;
/** Stale rows are swept at most this often per process, this many at a time. */
export const ATTEMPT_SWEEP_EVERY_MS = 5 * 60_000;
export const ATTEMPT_SWEEP_LIMIT = 200;

/** The database's `LoginAttemptStore`, plus the bounded cleanup it runs on its own. */
export interface DbLoginAttemptStore extends LoginAttemptStore {
  /** Delete at most `limit` rows whose latest failure is older than the forget window; returns how many went. */
  deleteStale(now: number, limit: number): Promise<number>;
}

/**
 * The only form of a throttle key the database sees: SHA-256, hex. Keys hold
 * usernames and client addresses, which a dump of the table must not reveal.
 */
export function hashAttemptKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A row as both drivers return it (PostgreSQL gives BIGINT as a string). */
export interface AttemptRow {
  failures: number | string;
  last_failure_at: number | string;
}

export function toFailureRecord(row: AttemptRow): FailureRecord {
  return { failures: Number(row.failures), lastFailureAt: Number(row.last_failure_at) };
}

/**
 * Run `sweep` at most every `ATTEMPT_SWEEP_EVERY_MS`, in the background:
 * cleanup must never fail or slow down the sign-in that triggered it.
 */
export function sweeper(sweep: (now: number) => Promise<number>): (now: number) => void {
  let lastSweep = 0;
  return (now) => {
    if (now - lastSweep < ATTEMPT_SWEEP_EVERY_MS) return;
    lastSweep = now;
    sweep(now).catch((error: unknown) =>
      console.error("[auth] login attempt cleanup failed:", error),
    );
  };
}
