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

/** The PostgreSQL store's query runner: waits for the schema, maps driver failures to `SessionStoreUnavailableError`. */
export type StoreQuery = <R extends object>(
  text: string,
  values: unknown[],
) => Promise<{ rows: R[]; rowCount: number }>;

/**
 * Failed sign-ins in PostgreSQL, shared by every instance of the app: the
 * limit holds however many processes serve sign-ins, and survives restarts.
 */
export function postgresLoginAttempts(query: StoreQuery): DbLoginAttemptStore {
  const deleteStale = async (now: number, limit: number) => {
    const { rowCount } = await query(
      `DELETE FROM login_attempts WHERE key_hash IN
         (SELECT key_hash FROM login_attempts WHERE last_failure_at < $1 LIMIT $2)`,
      [now - FORGET_ATTEMPTS_AFTER_MS, Math.max(0, Math.floor(limit))],
    );
    return rowCount;
  };
  const sweep = sweeper((now) => deleteStale(now, ATTEMPT_SWEEP_LIMIT));
  const ops: AttemptRowOps = {
    async read(key) {
      const { rows } = await query<AttemptRow & { first_failure_at: number | string }>(
        "SELECT failures, first_failure_at, last_failure_at FROM login_attempts WHERE key_hash = $1",
        [key],
      );
      const row = rows[0];
      return row && { ...toFailureRecord(row), firstFailureAt: Number(row.first_failure_at) };
    },
    async insert(key, row) {
      const { rowCount } = await query(
        `INSERT INTO login_attempts (key_hash, failures, first_failure_at, last_failure_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (key_hash) DO NOTHING`,
        [key, row.failures, row.firstFailureAt, row.lastFailureAt],
      );
      return rowCount === 1;
    },
    async swap(key, seen, next) {
      const { rowCount } = await query(
        `UPDATE login_attempts SET failures = $2, first_failure_at = $3, last_failure_at = $4
         WHERE key_hash = $1 AND failures = $5 AND first_failure_at = $6 AND last_failure_at = $7`,
        [
          key,
          next.failures,
          next.firstFailureAt,
          next.lastFailureAt,
          seen.failures,
          seen.firstFailureAt,
          seen.lastFailureAt,
        ],
      );
      return rowCount === 1;
    },
  };

  return {
    async get(key) {
      const { rows } = await query<AttemptRow>(
        "SELECT failures, last_failure_at FROM login_attempts WHERE key_hash = $1 AND last_failure_at >= $2 AND failures > 0",
        [hashAttemptKey(key), Date.now() - FORGET_ATTEMPTS_AFTER_MS],
      );
      return rows[0] ? toFailureRecord(rows[0]) : undefined;
    },
    async recordFailure(key, now) {
      // One statement, so concurrent failures from several instances never lose a count.
      // In SET, unqualified column names are the row's values before the update.
      const { rows } = await query<AttemptRow>(
        `INSERT INTO login_attempts (key_hash, failures, first_failure_at, last_failure_at)
         VALUES ($1, 1, $2, $2)
         ON CONFLICT (key_hash) DO UPDATE SET
           failures = CASE WHEN login_attempts.last_failure_at < $3 THEN 1 ELSE login_attempts.failures + 1 END,
           first_failure_at = CASE WHEN login_attempts.last_failure_at < $3 THEN $2 ELSE login_attempts.first_failure_at END,
           last_failure_at = $2
         RETURNING failures, last_failure_at`,
        [hashAttemptKey(key), now, now - FORGET_ATTEMPTS_AFTER_MS],
      );
      sweep(now);
      return toFailureRecord(rows[0]!);
    },
    async clear(key) {
      await query("DELETE FROM login_attempts WHERE key_hash = $1", [hashAttemptKey(key)]);
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
