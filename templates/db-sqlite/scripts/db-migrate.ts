/**
 * `db:migrate`: bring the session database named by DATABASE_URL (default
 * `.data/sessions.db`) to the schema this app needs, and say which version it
 * holds. Safe to run repeatedly.
 *
 * Run with `tsx --conditions=react-server` (the package script does): the
 * store modules import "server-only", which refuses any other condition.
 */
import Database from "better-sqlite3";
import { LATEST_SCHEMA_VERSION } from "../lib/next-jwt-auth/store/migrations";
import { parseDatabaseUrl } from "../lib/next-jwt-auth/store/open-store";
import {
  createPrivateDatabaseFile,
  restrictDatabaseFiles,
} from "../lib/next-jwt-auth/store/private-files";
import { migrateSqlite } from "../lib/next-jwt-auth/store/sqlite-store";

function main(): void {
  const filename = parseDatabaseUrl(process.env.DATABASE_URL);
  createPrivateDatabaseFile(filename);
  const db = new Database(filename, { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  const version = migrateSqlite(db);
  db.close();
  restrictDatabaseFiles(filename);
  console.log(`${filename}: schema version ${version} (latest ${LATEST_SCHEMA_VERSION})`);
}

try {
  main();
} catch (error: unknown) {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
