/**
 * `db:migrate`: bring the session database named by DATABASE_URL to the
 * schema this app needs, and say which version it holds. Safe to run
 * repeatedly and from several machines at once.
 *
 * Run with `tsx --conditions=react-server` (the package script does): the
 * store modules import "server-only", which refuses any other condition.
 */
import pg from "pg";
import { LATEST_SCHEMA_VERSION } from "../lib/next-jwt-auth/store/migrations";
import { parseDatabaseUrl } from "../lib/next-jwt-auth/store/open-store";
import { migratePostgres } from "../lib/next-jwt-auth/store/postgres-store";

async function main(): Promise<void> {
  const connectionString = parseDatabaseUrl(process.env.DATABASE_URL);
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 5000, max: 1 });
  try {
    const client = await pool.connect();
    try {
      const version = await migratePostgres(client);
      const url = new URL(connectionString);
      console.log(
        `${url.host}${url.pathname}: schema version ${version} (latest ${LATEST_SCHEMA_VERSION})`,
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
