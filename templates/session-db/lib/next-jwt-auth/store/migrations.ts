// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";

/** One schema change. Applied in order, each in its own transaction, recorded in `schema_version`. */
export interface Migration {
  version: number;
  description: string;
  /** Plain SQL this app's database runs as written. */
  statements: () => string[];
}

/**
 * The schema, as an append-only list. Never edit a released step: add the
 * next version. Times are epoch milliseconds (BIGINT), token columns hold
 * AES-GCM sealed values (see `crypto.ts`), `id_hash` is SHA-256 of the id.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "sessions table",
    statements: () => [
      `CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        user_email TEXT,
        access_token TEXT NOT NULL,
        access_expires_at BIGINT NOT NULL,
        refresh_token TEXT NOT NULL,
        refresh_expires_at BIGINT,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        idle_expires_at BIGINT NOT NULL,
        absolute_expires_at BIGINT NOT NULL,
        user_agent TEXT,
        version INTEGER NOT NULL,
        refresh_lease_until BIGINT
      )`,
      "CREATE INDEX sessions_user_id ON sessions (user_id)",
      // idle_expires_at never exceeds absolute_expires_at, so one index finds every expired row.
      "CREATE INDEX sessions_idle_expires_at ON sessions (idle_expires_at)",
    ],
  },
  {
    version: 2,
    description: "login_attempts table",
    // `key_hash` is SHA-256 of the throttle key ("user:<name>", "addr:<ip>"): a dump names nobody.
    statements: () => [
      `CREATE TABLE login_attempts (
        key_hash TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        first_failure_at BIGINT NOT NULL,
        last_failure_at BIGINT NOT NULL
      )`,
      "CREATE INDEX login_attempts_last_failure_at ON login_attempts (last_failure_at)",
    ],
  },
];

/** The schema version this code needs. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Creates the bookkeeping table; safe to run every time. */
export const SCHEMA_VERSION_TABLE =
  "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)";

/** The migrations a database at `current` still needs. */
export function pendingMigrations(current: number): Migration[] {
  return MIGRATIONS.filter((m) => m.version > current);
}

/** Thrown when the app may not migrate itself and the database is behind. */
export class SchemaOutdatedError extends Error {
  override readonly name = "SchemaOutdatedError";
  constructor(current: number) {
    super(
      `The session database holds schema version ${current}, this app needs ${LATEST_SCHEMA_VERSION}. ` +
        "Run the `db:migrate` script (or unset DATABASE_MIGRATE=manual to let the app migrate on first use).",
    );
  }
}
