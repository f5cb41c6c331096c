// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type Database from "better-sqlite3";
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
  type StoredAttempt,
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
      "SELECT failures, last_failure_at FROM login_attempts WHERE key_hash = ? AND last_failure_at >= ? AND failures > 0",
    ),
    read: db.prepare(
      "SELECT failures, first_failure_at, last_failure_at FROM login_attempts WHERE key_hash = ?",
    ),
    insert: db.prepare(
      `INSERT INTO login_attempts (key_hash, failures, first_failure_at, last_failure_at)
       VALUES (@key, @failures, @first, @last) ON CONFLICT (key_hash) DO NOTHING`,
    ),
    swap: db.prepare(
      `UPDATE login_attempts SET failures = @failures, first_failure_at = @first, last_failure_at = @last
       WHERE key_hash = @key AND failures = @seenFailures AND first_failure_at = @seenFirst
         AND last_failure_at = @seenLast`,
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
  const values = (row: StoredAttempt) => ({
    failures: row.failures,
    first: row.firstFailureAt,
    last: row.lastFailureAt,
  });
  const ops: AttemptRowOps = {
    async read(key) {
      const row = unavailable(() => sql.read.get(key)) as
        (AttemptRow & { first_failure_at: number }) | undefined;
      return row && { ...toFailureRecord(row), firstFailureAt: Number(row.first_failure_at) };
    },
    async insert(key, row) {
      return unavailable(() => sql.insert.run({ key, ...values(row) }).changes) === 1;
    },
    async swap(key, seen, next) {
      const changes = unavailable(
        () =>
          sql.swap.run({
            key,
            ...values(next),
            seenFailures: seen.failures,
            seenFirst: seen.firstFailureAt,
            seenLast: seen.lastFailureAt,
          }).changes,
      );
      return changes === 1;
    },
  };

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
    async reserve(key, now, mayProceed) {
      const result = await reserveAttempt(ops, key, now, mayProceed);
      if (result.reserved) sweep(now);
      return result;
    },
    release: (key, reservation) => releaseAttempt(ops, key, reservation),
    deleteStale,
  };
}
