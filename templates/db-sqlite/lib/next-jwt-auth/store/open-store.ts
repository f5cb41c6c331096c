// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { isAbsolute, resolve } from "node:path";
import { openSqliteStore } from "./sqlite-store";
import { processSessionStore, readStoreEnv } from "./store-env";
import type { SessionStore } from "./types";

/** Where sessions live when `DATABASE_URL` is unset. Git-ignored. */
export const DEFAULT_SQLITE_FILE = ".data/sessions.db";

/**
 * Read `DATABASE_URL`: unset → `.data/sessions.db`, `file:<path>` → that file
 * (relative paths from the app's folder). Returns the file's absolute path.
 */
export function parseDatabaseUrl(url: string | undefined, cwd = process.cwd()): string {
  const value = url?.trim() ?? "";
  if (value === "") return resolve(cwd, DEFAULT_SQLITE_FILE);
  if (value.startsWith("file:")) {
    const path = decodeURIComponent(value.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
    if (path === "")
      throw new Error("DATABASE_URL=file: needs a path, e.g. file:./.data/sessions.db");
    return isAbsolute(path) ? path : resolve(cwd, path);
  }
  throw new Error("DATABASE_URL must be unset or file:<path> (a SQLite file)");
}

/** Open the store the environment describes. Callers normally want `getSessionStore()`. */
export function openSessionStore(
  env: Record<string, string | undefined> = process.env,
): SessionStore {
  const { databaseUrl, cipher, migrate } = readStoreEnv(env);
  return openSqliteStore({ filename: parseDatabaseUrl(databaseUrl), cipher, migrate });
}

/** The process-wide session store, opened (and migrated, unless DATABASE_MIGRATE=manual) on first use. */
export function getSessionStore(): SessionStore {
  return processSessionStore(openSessionStore);
}
