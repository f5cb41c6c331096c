// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { hashSessionId, isSessionIdShaped, newSessionId, type TokenCipher } from "./crypto";
import {
  fromRow,
  isExpired,
  newRowValues,
  sealTokens,
  SESSION_COLUMNS,
  SUMMARY_COLUMNS,
  toSummary,
  type SessionRow,
} from "./rows";
import { sqlLoginAttempts } from "./sql-login-attempts";
import type { SessionStore } from "./types";

/**
 * The one thing a database driver gives the store: run one statement with
 * numbered parameters (`$1`, `$2`, …; a number may appear more than once) and
 * return the rows it returns and how many rows it changed. It waits for the
 * schema and maps "the database is not usable right now" to
 * `SessionStoreUnavailableError`.
 */
export type StoreQuery = <R extends object>(
  text: string,
  values: unknown[],
) => Promise<{ rows: R[]; rowCount: number }>;

/** What `sqlSessionStore` needs besides the query: the token cipher and how to close the driver. */
export interface SqlSessionStoreOptions {
  cipher: TokenCipher;
  close: () => Promise<void> | void;
}

const placeholders = SESSION_COLUMNS.map((_, i) => `$${i + 1}`).join(", ");

// Every statement of the session store, written once in SQL that each
// supported database runs as is, so the drivers cannot drift apart. Each
// method is one statement, plus one read where a write lost a race (rotate,
// claim) or to return what `create` stored.
const SESSION_SQL = {
  insert: `INSERT INTO sessions (${SESSION_COLUMNS.join(", ")}) VALUES (${placeholders})`,
  get: "SELECT * FROM sessions WHERE id_hash = $1",
  // The idle expiry never passes the absolute one (CASE: the databases name "the smaller of" differently).
  touch: `UPDATE sessions SET last_seen_at = $1,
            idle_expires_at = CASE WHEN $2 < absolute_expires_at THEN $2 ELSE absolute_expires_at END
          WHERE id_hash = $3`,
  rotate: `UPDATE sessions SET access_token = $1, access_expires_at = $2, refresh_token = $3, refresh_expires_at = $4,
             last_seen_at = $5, version = version + 1, refresh_lease_until = NULL
           WHERE id_hash = $6 AND version = $7 RETURNING *`,
  claim: `UPDATE sessions SET refresh_lease_until = $1
          WHERE id_hash = $2 AND version = $3 AND (refresh_lease_until IS NULL OR refresh_lease_until <= $4)
          RETURNING *`,
  release: "UPDATE sessions SET refresh_lease_until = NULL WHERE id_hash = $1 AND version = $2",
  delete: "DELETE FROM sessions WHERE id_hash = $1",
  list: `SELECT ${SUMMARY_COLUMNS} FROM sessions
         WHERE user_id = $1 AND idle_expires_at > $2 AND absolute_expires_at > $2 ORDER BY last_seen_at DESC`,
  deleteForUser: "DELETE FROM sessions WHERE user_id = $1 AND id_hash = $2",
  deleteOthers: "DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2",
  deleteExpired: `DELETE FROM sessions WHERE id_hash IN
                    (SELECT id_hash FROM sessions WHERE idle_expires_at <= $1 OR absolute_expires_at <= $1 LIMIT $2)`,
  schemaVersion: "SELECT MAX(version) AS version FROM schema_version",
} as const;

/**
 * The session store over a driver's `query`. Rotation is a single
 * `UPDATE … WHERE id_hash = $6 AND version = $7 RETURNING *`: whichever
 * process's statement commits first wins, the other's matches no row and it
 * reads the winner's tokens instead of refreshing again.
 */
export function sqlSessionStore(query: StoreQuery, options: SqlSessionStoreOptions): SessionStore {
  const { cipher } = options;

  const readLive = async (idHash: string, now: number) => {
    const { rows } = await query<SessionRow>(SESSION_SQL.get, [idHash]);
    const row = rows[0];
    return row && !isExpired(row, now) ? fromRow(cipher, row) : null;
  };

  return {
    loginAttempts: sqlLoginAttempts(query),

    async create(input) {
      const sessionId = newSessionId();
      const idHash = hashSessionId(sessionId);
      await query(SESSION_SQL.insert, newRowValues(cipher, idHash, input));
      const session = await readLive(idHash, input.now);
      if (!session) throw new Error("session store: a new session is already expired");
      return { sessionId, session };
    },

    async get(sessionId, now) {
      if (!isSessionIdShaped(sessionId)) return null;
      return readLive(hashSessionId(sessionId), now);
    },

    async touch(sessionId, now, idleExpiresAt) {
      if (!isSessionIdShaped(sessionId)) return;
      await query(SESSION_SQL.touch, [now, idleExpiresAt, hashSessionId(sessionId)]);
    },

    async rotate(sessionId, expectedVersion, tokens: TokenSet, now) {
      if (!isSessionIdShaped(sessionId)) return { status: "gone" };
      const idHash = hashSessionId(sessionId);
      const sealed = sealTokens(cipher, idHash, tokens);
      const { rows } = await query<SessionRow>(SESSION_SQL.rotate, [
        sealed.access_token,
        sealed.access_expires_at,
        sealed.refresh_token,
        sealed.refresh_expires_at,
        now,
        idHash,
        expectedVersion,
      ]);
      if (rows[0]) {
        const session = fromRow(cipher, rows[0]);
        return session ? { status: "won", session } : { status: "gone" };
      }
      const current = await readLive(idHash, now);
      return current ? { status: "lost", session: current } : { status: "gone" };
    },

    async claimRefresh(sessionId, expectedVersion, leaseUntil, now) {
      if (!isSessionIdShaped(sessionId)) return { status: "gone" };
      const idHash = hashSessionId(sessionId);
      const { rows } = await query<SessionRow>(SESSION_SQL.claim, [
        leaseUntil,
        idHash,
        expectedVersion,
        now,
      ]);
      const session = rows[0] ? fromRow(cipher, rows[0]) : await readLive(idHash, now);
      if (!session) return { status: "gone" };
      return { status: rows[0] ? "claimed" : "busy", session };
    },

    async releaseRefresh(sessionId, expectedVersion) {
      if (!isSessionIdShaped(sessionId)) return;
      await query(SESSION_SQL.release, [hashSessionId(sessionId), expectedVersion]);
    },

    async delete(sessionId) {
      if (!isSessionIdShaped(sessionId)) return;
      await query(SESSION_SQL.delete, [hashSessionId(sessionId)]);
    },

    async listForUser(userId, now) {
      const { rows } = await query<SessionRow>(SESSION_SQL.list, [userId, now]);
      return rows.map(toSummary);
    },

    async deleteForUser(userId, idHash) {
      const { rowCount } = await query(SESSION_SQL.deleteForUser, [userId, idHash]);
      return rowCount > 0;
    },

    async deleteOthersForUser(userId, keepSessionId) {
      const { rowCount } = await query(SESSION_SQL.deleteOthers, [
        userId,
        hashSessionId(keepSessionId),
      ]);
      return rowCount;
    },

    async deleteExpired(now, limit) {
      const { rowCount } = await query(SESSION_SQL.deleteExpired, [
        now,
        Math.max(0, Math.floor(limit)),
      ]);
      return rowCount;
    },

    async schemaVersion() {
      const { rows } = await query<{ version: number | null }>(SESSION_SQL.schemaVersion, []);
      return rows[0]?.version ?? 0;
    },

    async close() {
      await options.close();
    },
  };
}
