// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import {
  ATTEMPT_SWEEP_LIMIT,
  FORGET_ATTEMPTS_AFTER_MS,
  hashAttemptKey,
  releaseAttempt,
  reserveAttempt,
  sweeper,
  toFailureRecord,
  type AttemptRow,
  type AttemptRowOps,
  type DbLoginAttemptStore,
} from "./login-attempt-store";
import type { StoreQuery } from "./sql-session-store";

// The statements of the login attempt store, in SQL each supported database runs as is.
const ATTEMPT_SQL = {
  get: "SELECT failures, last_failure_at FROM login_attempts WHERE key_hash = $1 AND last_failure_at >= $2 AND failures > 0",
  read: "SELECT failures, first_failure_at, last_failure_at FROM login_attempts WHERE key_hash = $1",
  insert: `INSERT INTO login_attempts (key_hash, failures, first_failure_at, last_failure_at)
           VALUES ($1, $2, $3, $4) ON CONFLICT (key_hash) DO NOTHING`,
  swap: `UPDATE login_attempts SET failures = $2, first_failure_at = $3, last_failure_at = $4
         WHERE key_hash = $1 AND failures = $5 AND first_failure_at = $6 AND last_failure_at = $7`,
  // One statement, so concurrent failures from several connections or instances never lose a count.
  // In SET, the row's columns hold its values before the update.
  record: `INSERT INTO login_attempts (key_hash, failures, first_failure_at, last_failure_at)
           VALUES ($1, 1, $2, $2)
           ON CONFLICT (key_hash) DO UPDATE SET
             failures = CASE WHEN login_attempts.last_failure_at < $3 THEN 1 ELSE login_attempts.failures + 1 END,
             first_failure_at = CASE WHEN login_attempts.last_failure_at < $3 THEN $2 ELSE login_attempts.first_failure_at END,
             last_failure_at = $2
           RETURNING failures, last_failure_at`,
  clear: "DELETE FROM login_attempts WHERE key_hash = $1",
  deleteStale: `DELETE FROM login_attempts WHERE key_hash IN
                  (SELECT key_hash FROM login_attempts WHERE last_failure_at < $1 LIMIT $2)`,
} as const;

/**
 * Failed sign-ins in the session database, over the same driver `query` as
 * the session store: every process (and instance, where the database is
 * shared) and the next start see the same counts.
 */
export function sqlLoginAttempts(query: StoreQuery): DbLoginAttemptStore {
  const deleteStale = async (now: number, limit: number) => {
    const { rowCount } = await query(ATTEMPT_SQL.deleteStale, [
      now - FORGET_ATTEMPTS_AFTER_MS,
      Math.max(0, Math.floor(limit)),
    ]);
    return rowCount;
  };
  const sweep = sweeper((now) => deleteStale(now, ATTEMPT_SWEEP_LIMIT));
  const ops: AttemptRowOps = {
    async read(key) {
      const { rows } = await query<AttemptRow & { first_failure_at: number | string }>(
        ATTEMPT_SQL.read,
        [key],
      );
      const row = rows[0];
      return row && { ...toFailureRecord(row), firstFailureAt: Number(row.first_failure_at) };
    },
    async insert(key, row) {
      const { rowCount } = await query(ATTEMPT_SQL.insert, [
        key,
        row.failures,
        row.firstFailureAt,
        row.lastFailureAt,
      ]);
      return rowCount === 1;
    },
    async swap(key, seen, next) {
      const { rowCount } = await query(ATTEMPT_SQL.swap, [
        key,
        next.failures,
        next.firstFailureAt,
        next.lastFailureAt,
        seen.failures,
        seen.firstFailureAt,
        seen.lastFailureAt,
      ]);
      return rowCount === 1;
    },
  };

  return {
    async get(key) {
      const { rows } = await query<AttemptRow>(ATTEMPT_SQL.get, [
        hashAttemptKey(key),
        Date.now() - FORGET_ATTEMPTS_AFTER_MS,
      ]);
      return rows[0] ? toFailureRecord(rows[0]) : undefined;
    },
    async recordFailure(key, now) {
      const { rows } = await query<AttemptRow>(ATTEMPT_SQL.record, [
        hashAttemptKey(key),
        now,
        now - FORGET_ATTEMPTS_AFTER_MS,
      ]);
      sweep(now);
      return toFailureRecord(rows[0]!);
    },
    async clear(key) {
      await query(ATTEMPT_SQL.clear, [hashAttemptKey(key)]);
    },
    async reserve(key, now, mayProceed) {
      const result = await reserveAttempt(ops, key, now, mayProceed);
      if (result.reserved) sweep(now);
      return result;
    },
    release: (key, reservation) => releaseAttempt(ops, key, reservation),
    deleteStale,
  };
}
