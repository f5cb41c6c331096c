// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { Pool, type PoolClient } from "pg";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { hashSessionId, isSessionIdShaped, newSessionId, type TokenCipher } from "./crypto";
import {
  LATEST_SCHEMA_VERSION,
  pendingMigrations,
  SCHEMA_VERSION_TABLE,
  SchemaOutdatedError,
} from "./migrations";
import {
  fromRow,
  isExpired,
  newRowValues,
  sealTokens,
  SESSION_COLUMNS,
  SUMMARY_COLUMNS,
  toSummary,
} from "./rows";
import { postgresLoginAttempts } from "./postgres-login-attempts";
import type { SessionRow } from "./rows";
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
 * The shared session store for several app instances. Rotation is a single
 * `UPDATE … WHERE id_hash = $1 AND version = $2 RETURNING *`: whichever
 * instance's statement commits first wins, the other's matches no row and it
 * reads the winner's tokens instead of refreshing again.
 */
export function openPostgresStore(options: PostgresStoreOptions): SessionStore {
  const { cipher } = options;
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

  const readLive = async (idHash: string, now: number) => {
    const { rows } = await query<SessionRow>("SELECT * FROM sessions WHERE id_hash = $1", [idHash]);
    const row = rows[0];
    return row && !isExpired(row, now) ? fromRow(cipher, row) : null;
  };

  return {
    loginAttempts: postgresLoginAttempts(query),

    async create(input) {
      const sessionId = newSessionId();
      const idHash = hashSessionId(sessionId);
      const placeholders = SESSION_COLUMNS.map((_, i) => `$${i + 1}`).join(", ");
      await query(
        `INSERT INTO sessions (${SESSION_COLUMNS.join(", ")}) VALUES (${placeholders})`,
        newRowValues(cipher, idHash, input),
      );
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
      await query(
        "UPDATE sessions SET last_seen_at = $1, idle_expires_at = LEAST($2, absolute_expires_at) WHERE id_hash = $3",
        [now, idleExpiresAt, hashSessionId(sessionId)],
      );
    },

    async rotate(sessionId, expectedVersion, tokens: TokenSet, now) {
      if (!isSessionIdShaped(sessionId)) return { status: "gone" };
      const idHash = hashSessionId(sessionId);
      const sealed = sealTokens(cipher, idHash, tokens);
      const { rows } = await query<SessionRow>(
        `UPDATE sessions SET access_token = $1, access_expires_at = $2, refresh_token = $3, refresh_expires_at = $4,
           last_seen_at = $5, version = version + 1, refresh_lease_until = NULL
         WHERE id_hash = $6 AND version = $7 RETURNING *`,
        [
          sealed.access_token,
          sealed.access_expires_at,
          sealed.refresh_token,
          sealed.refresh_expires_at,
          now,
          idHash,
          expectedVersion,
        ],
      );
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
      const { rows } = await query<SessionRow>(
        `UPDATE sessions SET refresh_lease_until = $1
         WHERE id_hash = $2 AND version = $3 AND (refresh_lease_until IS NULL OR refresh_lease_until <= $4)
         RETURNING *`,
        [leaseUntil, idHash, expectedVersion, now],
      );
      const session = rows[0] ? fromRow(cipher, rows[0]) : await readLive(idHash, now);
      if (!session) return { status: "gone" };
      return { status: rows[0] ? "claimed" : "busy", session };
    },

    async releaseRefresh(sessionId, expectedVersion) {
      if (!isSessionIdShaped(sessionId)) return;
      await query(
        "UPDATE sessions SET refresh_lease_until = NULL WHERE id_hash = $1 AND version = $2",
        [hashSessionId(sessionId), expectedVersion],
      );
    },

    async delete(sessionId) {
      if (!isSessionIdShaped(sessionId)) return;
      await query("DELETE FROM sessions WHERE id_hash = $1", [hashSessionId(sessionId)]);
    },

    async listForUser(userId, now) {
      const { rows } = await query<SessionRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM sessions
         WHERE user_id = $1 AND idle_expires_at > $2 AND absolute_expires_at > $2 ORDER BY last_seen_at DESC`,
        [userId, now],
      );
      return rows.map(toSummary);
    },

    async deleteForUser(userId, idHash) {
      const { rowCount } = await query("DELETE FROM sessions WHERE user_id = $1 AND id_hash = $2", [
        userId,
        idHash,
      ]);
      return rowCount > 0;
    },

    async deleteOthersForUser(userId, keepSessionId) {
      const { rowCount } = await query(
        "DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2",
        [userId, hashSessionId(keepSessionId)],
      );
      return rowCount;
    },

    async deleteExpired(now, limit) {
      const { rowCount } = await query(
        `DELETE FROM sessions WHERE id_hash IN
           (SELECT id_hash FROM sessions WHERE idle_expires_at <= $1 OR absolute_expires_at <= $1 LIMIT $2)`,
        [now, Math.max(0, Math.floor(limit))],
      );
      return rowCount;
    },

    async schemaVersion() {
      const { rows } = await query<{ version: number | null }>(
        "SELECT MAX(version) AS version FROM schema_version",
        [],
      );
      return rows[0]?.version ?? 0;
    },

    async close() {
      await pool.end();
    },
  };
}
