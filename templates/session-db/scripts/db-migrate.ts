/**
 * `db:migrate`: bring the session database named by DATABASE_URL (SQLite file
 * by default) to the schema this app needs, and say which version it holds.
 * Safe to run repeatedly and from several machines at once.
 *
 * Run with `tsx --conditions=react-server` (the package script does): the
 * store modules import "server-only", which refuses any other condition.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { LATEST_SCHEMA_VERSION } from "../lib/auth/store/migrations";
import { parseDatabaseUrl } from "../lib/auth/store/open-store";
import { migratePostgres } from "../lib/auth/store/postgres-store";
import { createPrivateDatabaseFile, restrictDatabaseFiles } from "../lib/auth/store/private-files";
import { migrateSqlite } from "../lib/auth/store/sqlite-store";

async function main(): Promise<void> {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.kind === "sqlite") {
    createPrivateDatabaseFile(target.filename);
    const db = new Database(target.filename, { timeout: 5000 });
    db.pragma("journal_mode = WAL");
    const version = migrateSqlite(db);
    db.close();
    restrictDatabaseFiles(target.filename);
    console.log(
      `SQLite ${target.filename}: schema version ${version} (latest ${LATEST_SCHEMA_VERSION})`,
    );
    return;
  }
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    connectionTimeoutMillis: 5000,
    max: 1,
  });
  try {
    const client = await pool.connect();
    try {
      const version = await migratePostgres(client);
      const url = new URL(target.connectionString);
      console.log(
        `PostgreSQL ${url.host}${url.pathname}: schema version ${version} (latest ${LATEST_SCHEMA_VERSION})`,
      );
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
