// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { createHash } from "node:crypto";
import {
  releasedRecord,
  type FailureRecord,
  type LoginAttemptStore,
  type ReserveResult,
  type Reservation,
} from "@/lib/next-jwt-auth/sign-in/login-attempts";

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

/** A row as the driver returns it (some give BIGINT as a string). */
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

/** A key's row as stored, stale or not (`AttemptRow` plus the first failure). */
export interface StoredAttempt {
  failures: number;
  firstFailureAt: number;
  lastFailureAt: number;
}

/**
 * The three statements `reserveAttempt` is built on, each one atomic in the
 * database: read a row, insert a first row unless one exists, and replace a
 * row only if it still holds what was read (compare-and-swap).
 */
export interface AttemptRowOps {
  read(keyHash: string): Promise<StoredAttempt | undefined>;
  /** Insert `row`; false when the key already has one. */
  insert(keyHash: string, row: StoredAttempt): Promise<boolean>;
  /** Replace `seen` with `next`; false when the row no longer holds `seen`. */
  swap(keyHash: string, seen: StoredAttempt, next: StoredAttempt): Promise<boolean>;
}

/** How often `reserveAttempt` re-reads a row that others keep changing before it refuses. */
export const RESERVE_ATTEMPTS = 50;

/**
 * `LoginAttemptStore.reserve` for a database shared by several connections
 * and processes: read the key's row, decide with `mayProceed` in this
 * process, then count the attempt with a compare-and-swap, and start again if
 * another attempt changed the row in between. Each lost swap means another
 * attempt was counted, so of racing attempts only as many as `mayProceed`
 * allows are counted. A row that keeps changing `RESERVE_ATTEMPTS` times in
 * a row is refused: a key under that much fire should wait anyway.
 */
export async function reserveAttempt(
  ops: AttemptRowOps,
  key: string,
  now: number,
  mayProceed: (current: FailureRecord | undefined) => boolean,
): Promise<ReserveResult> {
  const keyHash = hashAttemptKey(key);
  let current: FailureRecord | undefined;
  for (let round = 0; round < RESERVE_ATTEMPTS; round++) {
    const row = await ops.read(keyHash);
    // A stale row, or one whose attempts were all taken back, counts from zero.
    const live =
      row && row.failures > 0 && row.lastFailureAt >= now - FORGET_ATTEMPTS_AFTER_MS
        ? row
        : undefined;
    current = live && { failures: live.failures, lastFailureAt: live.lastFailureAt };
    if (!mayProceed(current)) return { reserved: false, current };
    const next: StoredAttempt = live
      ? { failures: live.failures + 1, firstFailureAt: live.firstFailureAt, lastFailureAt: now }
      : { failures: 1, firstFailureAt: now, lastFailureAt: now };
    const counted = row ? await ops.swap(keyHash, row, next) : await ops.insert(keyHash, next);
    if (counted) {
      const reservation: Reservation = {
        record: { failures: next.failures, lastFailureAt: next.lastFailureAt },
        previous: current,
      };
      return { reserved: true, reservation };
    }
  }
  return { reserved: false, current };
}

/**
 * `LoginAttemptStore.release` on the same statements: compare-and-swap the
 * row to `releasedRecord` of it (deleted when no failure is left, by a swap
 * to zero failures the sweep removes), again until it holds.
 */
export async function releaseAttempt(
  ops: AttemptRowOps,
  key: string,
  reservation: Reservation,
): Promise<void> {
  const keyHash = hashAttemptKey(key);
  for (let round = 0; round < RESERVE_ATTEMPTS; round++) {
    const row = await ops.read(keyHash);
    if (!row || row.failures <= 0) return;
    const released = releasedRecord(
      { failures: row.failures, lastFailureAt: row.lastFailureAt },
      reservation,
    );
    const next: StoredAttempt = released ? { ...row, ...released } : { ...row, failures: 0 };
    if (await ops.swap(keyHash, row, next)) return;
  }
}
