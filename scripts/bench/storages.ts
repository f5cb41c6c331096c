/** The session storages a generated app can run with, and how the bench starts each. */
import type { RunningBackend } from "../independent-backends.js";
import { startBuiltApp, type RunningApp } from "../built-app.js";
import { LOG_DIR } from "./services.js";
import { appEnv, type BenchApps } from "./workspace.js";
import { join } from "node:path";

export const STORAGES = ["jwt", "db-sqlite", "db-postgres"] as const;
export type StorageName = (typeof STORAGES)[number];

export const STORAGE_LABELS: Record<StorageName, string> = {
  jwt: "encrypted JWT cookie",
  "db-sqlite": "database session, SQLite",
  "db-postgres": "database session, PostgreSQL",
};

/** Start the built app of `storage` against `backend` on `port`. */
export function startStorageApp(
  apps: BenchApps,
  storage: StorageName,
  options: { port: number; backend: RunningBackend; postgresUrl: string; env?: NodeJS.ProcessEnv },
): Promise<RunningApp> {
  const database =
    storage === "db-sqlite"
      ? { DATABASE_URL: "file:./.data/bench.db" }
      : storage === "db-postgres"
        ? { DATABASE_URL: options.postgresUrl }
        : {};
  const app = storage === "jwt" ? apps.jwt : storage === "db-postgres" ? apps.dbPostgres : apps.db;
  return startBuiltApp(app, {
    port: options.port,
    env: { ...appEnv(apps), ...database, ...options.env, BACKEND_URL: options.backend.url },
    log: join(LOG_DIR, `app-${storage}.log`),
  });
}
