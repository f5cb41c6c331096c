import "server-only";
import type Database from "better-sqlite3";
import {
  ATTEMPT_SWEEP_LIMIT,
  FORGET_ATTEMPTS_AFTER_MS,
  hashAttemptKey,
  sweeper,
  toFailureRecord,
  type AttemptRow,
  type DbLoginAttemptStore,
} from "./login-attempt-store";

/**
 * Failed sign-ins in the SQLite file, so every process on the machine and the
 * next start see the same counts. `unavailable` maps a locked or broken
 * database to `SessionStoreUnavailableError`, like the session store does.
 */
export function sqliteLoginAttempts(
  db: Database.Database,
  unavailable: <T>(run: () => T) => T,
): DbLoginAttemptStore {
  const sql = {
    get: db.prepare(
      "SELECT failures, last_failure_at FROM login_attempts WHERE key_hash = ? AND last_failure_at >= ?",
    ),
    // One statement, so concurrent failures from several connections never lose a count.
    // In SET, column names are the row's values before the update.
    record: db.prepare(
      `INSERT INTO login_attempts (key_hash, failures, first_failure_at, last_failure_at)
       VALUES (@key, 1, @now, @now)
       ON CONFLICT (key_hash) DO UPDATE SET
         failures = CASE WHEN login_attempts.last_failure_at < @stale THEN 1
                         ELSE login_attempts.failures + 1 END,
         first_failure_at = CASE WHEN login_attempts.last_failure_at < @stale THEN @now
                                 ELSE login_attempts.first_failure_at END,
         last_failure_at = @now
       RETURNING failures, last_failure_at`,
    ),
    clear: db.prepare("DELETE FROM login_attempts WHERE key_hash = ?"),
    deleteStale: db.prepare(
      `DELETE FROM login_attempts WHERE key_hash IN
         (SELECT key_hash FROM login_attempts WHERE last_failure_at < ? LIMIT ?)`,
    ),
  };

  const deleteStale = async (now: number, limit: number) =>
    unavailable(
      () =>
        sql.deleteStale.run(now - FORGET_ATTEMPTS_AFTER_MS, Math.max(0, Math.floor(limit))).changes,
    );
  const sweep = sweeper((now) => deleteStale(now, ATTEMPT_SWEEP_LIMIT));

  return {
    async get(key) {
      const row = unavailable(() =>
        sql.get.get(hashAttemptKey(key), Date.now() - FORGET_ATTEMPTS_AFTER_MS),
      ) as AttemptRow | undefined;
      return row ? toFailureRecord(row) : undefined;
    },
    async recordFailure(key, now) {
      const row = unavailable(() =>
        sql.record.get({ key: hashAttemptKey(key), now, stale: now - FORGET_ATTEMPTS_AFTER_MS }),
      ) as AttemptRow;
      sweep(now);
      return toFailureRecord(row);
    },
    async clear(key) {
      unavailable(() => sql.clear.run(hashAttemptKey(key)));
    },
    deleteStale,
  };
}
