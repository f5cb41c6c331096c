// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import Database from "better-sqlite3";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { hashSessionId, isSessionIdShaped, newSessionId, type TokenCipher } from "./crypto";
import {
  LATEST_SCHEMA_VERSION,
  pendingMigrations,
  SCHEMA_VERSION_TABLE,
  SchemaOutdatedError,
} from "./migrations";
import { createPrivateDatabaseFile, restrictDatabaseFiles } from "./private-files";
import {
  fromRow,
  isExpired,
  newRowValues,
  sealTokens,
  SESSION_COLUMNS,
  SUMMARY_COLUMNS,
  toSummary,
} from "./rows";
import type { SessionRow } from "./rows";
import { sqliteLoginAttempts } from "./sqlite-login-attempts";
import { SessionStoreUnavailableError, type SessionStore } from "./types";

export interface SqliteStoreOptions {
  /** Path of the database file; its folder is created. */
  filename: string;
  cipher: TokenCipher;
  /** "auto": apply missing migrations on open; "manual": refuse an outdated schema. */
  migrate: "auto" | "manual";
  /** How long a write waits for another connection's lock before failing (ms). */
  busyTimeoutMs?: number;
}

// Codes that mean "the database is not usable right now", not "the code is wrong".
const UNAVAILABLE_CODES =
  /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|PROTOCOL|NOTADB|CORRUPT)/;

function unavailable<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.test(code)) {
      throw new SessionStoreUnavailableError(`session database unavailable (${code})`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** Bring a SQLite database to the latest schema; returns the version it holds. */
export function migrateSqlite(db: Database.Database): number {
  db.exec(SCHEMA_VERSION_TABLE);
  // IMMEDIATE takes the write lock up front, so two processes cannot both apply a step.
  return db
    .transaction(() => {
      const current = readVersion(db);
      for (const migration of pendingMigrations(current)) {
        for (const statement of migration.statements()) db.exec(statement);
        db.prepare(
          "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
        ).run(migration.version, migration.description, Date.now());
      }
      return readVersion(db);
    })
    .immediate();
}

function readVersion(db: Database.Database): number {
  const row = db.prepare("SELECT MAX(version) AS version FROM schema_version").get() as {
    version: number | null;
  };
  return row.version ?? 0;
}

/**
 * The embedded session store: one file, WAL mode (readers never wait for the
 * writer) and a busy timeout (a writer waits for another instead of failing at
 * once). better-sqlite3 is synchronous; each call is one short statement.
 */
export function openSqliteStore(options: SqliteStoreOptions): SessionStore {
  const { cipher } = options;
  const db = unavailable(() => {
    createPrivateDatabaseFile(options.filename);
    const opened = new Database(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
    opened.pragma("journal_mode = WAL");
    opened.pragma("synchronous = NORMAL");
    restrictDatabaseFiles(options.filename);
    return opened;
  });

  const version = unavailable(() => {
    if (options.migrate === "auto") return migrateSqlite(db);
    db.exec(SCHEMA_VERSION_TABLE);
    return readVersion(db);
  });
  if (version < LATEST_SCHEMA_VERSION) {
    db.close();
    throw new SchemaOutdatedError(version);
  }

  const sql = {
    insert: db.prepare(
      `INSERT INTO sessions (${SESSION_COLUMNS.join(", ")}) VALUES (${SESSION_COLUMNS.map(() => "?").join(", ")})`,
    ),
    get: db.prepare("SELECT * FROM sessions WHERE id_hash = ?"),
    touch: db.prepare(
      "UPDATE sessions SET last_seen_at = ?, idle_expires_at = MIN(?, absolute_expires_at) WHERE id_hash = ?",
    ),
    rotate: db.prepare(
      `UPDATE sessions SET access_token = ?, access_expires_at = ?, refresh_token = ?, refresh_expires_at = ?,
         last_seen_at = ?, version = version + 1, refresh_lease_until = NULL
       WHERE id_hash = ? AND version = ? RETURNING *`,
    ),
    claim: db.prepare(
      `UPDATE sessions SET refresh_lease_until = ?
       WHERE id_hash = ? AND version = ? AND (refresh_lease_until IS NULL OR refresh_lease_until <= ?)
       RETURNING *`,
    ),
    release: db.prepare(
      "UPDATE sessions SET refresh_lease_until = NULL WHERE id_hash = ? AND version = ?",
    ),
    delete: db.prepare("DELETE FROM sessions WHERE id_hash = ?"),
    list: db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM sessions
       WHERE user_id = ? AND idle_expires_at > ? AND absolute_expires_at > ? ORDER BY last_seen_at DESC`,
    ),
    deleteForUser: db.prepare("DELETE FROM sessions WHERE user_id = ? AND id_hash = ?"),
    deleteOthers: db.prepare("DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?"),
    deleteExpired: db.prepare(
      `DELETE FROM sessions WHERE id_hash IN
         (SELECT id_hash FROM sessions WHERE idle_expires_at <= ? OR absolute_expires_at <= ? LIMIT ?)`,
    ),
  };

  const readLive = (idHash: string, now: number) => {
    const row = sql.get.get(idHash) as SessionRow | undefined;
    return row && !isExpired(row, now) ? fromRow(cipher, row) : null;
  };

  return {
    loginAttempts: sqliteLoginAttempts(db, unavailable),

    async create(input) {
      const sessionId = newSessionId();
      const idHash = hashSessionId(sessionId);
      unavailable(() => sql.insert.run(...newRowValues(cipher, idHash, input)));
      const session = unavailable(() => readLive(idHash, input.now));
      if (!session) throw new Error("session store: a new session is already expired");
      return { sessionId, session };
    },

    async get(sessionId, now) {
      if (!isSessionIdShaped(sessionId)) return null;
      return unavailable(() => readLive(hashSessionId(sessionId), now));
    },

    async touch(sessionId, now, idleExpiresAt) {
      if (!isSessionIdShaped(sessionId)) return;
      unavailable(() => sql.touch.run(now, idleExpiresAt, hashSessionId(sessionId)));
    },

    async rotate(sessionId, expectedVersion, tokens: TokenSet, now) {
      if (!isSessionIdShaped(sessionId)) return { status: "gone" };
      const idHash = hashSessionId(sessionId);
      const sealed = sealTokens(cipher, idHash, tokens);
      return unavailable(() => {
        const won = sql.rotate.get(
          sealed.access_token,
          sealed.access_expires_at,
          sealed.refresh_token,
          sealed.refresh_expires_at,
          now,
          idHash,
          expectedVersion,
        ) as SessionRow | undefined;
        if (won) {
          const session = fromRow(cipher, won);
          return session ? { status: "won" as const, session } : { status: "gone" as const };
        }
        const current = readLive(idHash, now);
        return current
          ? { status: "lost" as const, session: current }
          : { status: "gone" as const };
      });
    },

    async claimRefresh(sessionId, expectedVersion, leaseUntil, now) {
      if (!isSessionIdShaped(sessionId)) return { status: "gone" };
      const idHash = hashSessionId(sessionId);
      return unavailable(() => {
        const claimed = sql.claim.get(leaseUntil, idHash, expectedVersion, now) as
          SessionRow | undefined;
        const session = claimed ? fromRow(cipher, claimed) : readLive(idHash, now);
        if (!session) return { status: "gone" as const };
        return { status: claimed ? ("claimed" as const) : ("busy" as const), session };
      });
    },

    async releaseRefresh(sessionId, expectedVersion) {
      if (!isSessionIdShaped(sessionId)) return;
      unavailable(() => sql.release.run(hashSessionId(sessionId), expectedVersion));
    },

    async delete(sessionId) {
      if (!isSessionIdShaped(sessionId)) return;
      unavailable(() => sql.delete.run(hashSessionId(sessionId)));
    },

    async listForUser(userId, now) {
      const rows = unavailable(() => sql.list.all(userId, now, now)) as SessionRow[];
      return rows.map(toSummary);
    },

    async deleteForUser(userId, idHash) {
      return unavailable(() => sql.deleteForUser.run(userId, idHash).changes) > 0;
    },

    async deleteOthersForUser(userId, keepSessionId) {
      return unavailable(() => sql.deleteOthers.run(userId, hashSessionId(keepSessionId)).changes);
    },

    async deleteExpired(now, limit) {
      return unavailable(
        () => sql.deleteExpired.run(now, now, Math.max(0, Math.floor(limit))).changes,
      );
    },

    async schemaVersion() {
      return unavailable(() => readVersion(db));
    },

    async close() {
      db.close();
    },
  };
}
