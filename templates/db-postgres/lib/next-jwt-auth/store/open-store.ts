// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { openPostgresStore } from "./postgres-store";
import { processSessionStore, readStoreEnv } from "./store-env";
import type { SessionStore } from "./types";

/** Read `DATABASE_URL`: a `postgres://` or `postgresql://` connection string, required. */
export function parseDatabaseUrl(url: string | undefined): string {
  const value = url?.trim() ?? "";
  if (/^postgres(ql)?:\/\//i.test(value)) return value;
  throw new Error("DATABASE_URL must be a PostgreSQL connection string: postgres://…");
}

/** Open the store the environment describes. Callers normally want `getSessionStore()`. */
export function openSessionStore(
  env: Record<string, string | undefined> = process.env,
): SessionStore {
  const { databaseUrl, cipher, migrate } = readStoreEnv(env);
  return openPostgresStore({ connectionString: parseDatabaseUrl(databaseUrl), cipher, migrate });
}

/** The process-wide session store, opened (and migrated, unless DATABASE_MIGRATE=manual) on first use. */
export function getSessionStore(): SessionStore {
  return processSessionStore(openSessionStore);
}
