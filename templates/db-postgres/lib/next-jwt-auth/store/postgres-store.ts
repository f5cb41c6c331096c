// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { Pool, type PoolClient } from "pg";
import type { TokenCipher } from "./crypto";
import {
  LATEST_SCHEMA_VERSION,
  pendingMigrations,
  SCHEMA_VERSION_TABLE,
  SchemaOutdatedError,
} from "./migrations";
import { sqlSessionStore } from "./sql-session-store";
import { SessionStoreUnavailableError, type SessionStore } from "./types";

export interface PostgresStoreOptions {
  /** `postgres://user:pass@host:5432/db` */
  connectionString: string;
  cipher: TokenCipher;
  /** "auto": apply missing migrations on first use; "manual": refuse an outdated schema. */
  migrate: "auto" | "manual";
  /** Schema (namespace) holding the tables; the connection's default when unset. Tests use one per run. */
  schema?: string | undefined;
  /** Upper bound for connecting and for each statement (ms); a down database fails fast, never hangs. */
  timeoutMs?: number;
  /** Pool size per process. */
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// A fixed advisory-lock key, so instances starting together migrate one at a time.
const MIGRATION_LOCK_KEY = 7_210_428_613;

// SQLSTATE classes meaning "the database is not usable right now": connection
// exceptions, insufficient resources, operator intervention (incl. statement
// timeout 57014), lock not available, serialization failures.
const UNAVAILABLE_SQLSTATE = /^(08|53|57|55P03|40001|40P01)/;

function toUnavailable(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  const isSqlState = typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
  // Errors without an SQLSTATE are the driver's own: refused, reset, connect or query timeout.
  if (!isSqlState || UNAVAILABLE_SQLSTATE.test(code)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new SessionStoreUnavailableError(`session database unavailable: ${detail}`, {
      cause: error,
    });
  }
  return error;
}

/** Bring a PostgreSQL database to the latest schema; returns the version it holds. */
export async function migratePostgres(client: PoolClient): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(SCHEMA_VERSION_TABLE);
    const current = await readVersion(client);
    for (const migration of pendingMigrations(current)) {
      for (const statement of migration.statements()) await client.query(statement);
      await client.query(
        "INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3)",
        [migration.version, migration.description, Date.now()],
      );
    }
    const version = await readVersion(client);
    await client.query("COMMIT");
    return version;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function readVersion(client: Pick<PoolClient, "query">): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    "SELECT MAX(version) AS version FROM schema_version",
  );
  return rows[0]?.version ?? 0;
}

/**
 * The shared session store for several app instances: the statements of
 * `sqlSessionStore` on a connection pool whose every wait is bounded, so a
 * database that is down fails a request within the timeout, never hangs it.
 */
export function openPostgresStore(options: PostgresStoreOptions): SessionStore {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`openPostgresStore: invalid schema name ${JSON.stringify(options.schema)}`);
  }
  const timeoutMs = options.timeoutMs ?? 5000;
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 1000,
    lock_timeout: timeoutMs,
    idle_in_transaction_session_timeout: timeoutMs * 2,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);

  let ready: Promise<void> | undefined;
  const prepare = async () => {
    const client = await pool.connect();
    try {
      const version =
        options.migrate === "auto"
          ? await migratePostgres(client)
          : await client.query(SCHEMA_VERSION_TABLE).then(() => readVersion(client));
      if (version < LATEST_SCHEMA_VERSION) throw new SchemaOutdatedError(version);
    } finally {
      client.release();
    }
  };

  /** Run a query once the schema is known to be current; driver failures become `SessionStoreUnavailableError`. */
  async function query<R extends object>(
    text: string,
    values: unknown[],
  ): Promise<{ rows: R[]; rowCount: number }> {
    try {
      // A failed preparation (database down at boot) is retried by the next call.
      ready ??= prepare().catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      const result = await pool.query<R>(text, values);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    } catch (error) {
      if (error instanceof SchemaOutdatedError) throw error;
      throw toUnavailable(error);
    }
  }

  return sqlSessionStore(query, { cipher: options.cipher, close: () => pool.end() });
}
