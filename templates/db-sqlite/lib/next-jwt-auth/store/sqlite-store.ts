// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import Database from "better-sqlite3";
import type { TokenCipher } from "./crypto";
import {
  LATEST_SCHEMA_VERSION,
  pendingMigrations,
  SCHEMA_VERSION_TABLE,
  SchemaOutdatedError,
} from "./migrations";
import { createPrivateDatabaseFile, restrictDatabaseFiles } from "./private-files";
import { sqlSessionStore, type StoreQuery } from "./sql-session-store";
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
 * The store's `query` on one better-sqlite3 connection. Each text is prepared
 * once and kept. SQLite reads `$1` as a named parameter called "1", so the
 * values are bound by number, and a number may appear more than once.
 */
function sqliteQuery(db: Database.Database): StoreQuery {
  const statements = new Map<string, Database.Statement>();
  return async <R extends object>(text: string, values: unknown[]) =>
    unavailable(() => {
      let statement = statements.get(text);
      if (!statement) {
        statement = db.prepare(text);
        statements.set(text, statement);
      }
      const named: Record<number, unknown> = {};
      for (let i = 0; i < values.length; i++) named[i + 1] = values[i];
      if (statement.reader) {
        const rows = statement.all(named) as R[];
        return { rows, rowCount: rows.length };
      }
      return { rows: [] as R[], rowCount: statement.run(named).changes };
    });
}

/**
 * The embedded session store: one file, WAL mode (readers never wait for the
 * writer) and a busy timeout (a writer waits for another instead of failing at
 * once). better-sqlite3 is synchronous; each call is one short statement.
 */
export function openSqliteStore(options: SqliteStoreOptions): SessionStore {
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

  return sqlSessionStore(sqliteQuery(db), {
    cipher: options.cipher,
    close: () => {
      db.close();
    },
  });
}
