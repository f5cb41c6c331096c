// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { z } from "zod";
import { createTokenCipher } from "./crypto";
import { openPostgresStore } from "./postgres-store";
import type { SessionStore } from "./types";

/** Read `DATABASE_URL`: a `postgres://` or `postgresql://` connection string, required. */
export function parseDatabaseUrl(url: string | undefined): string {
  const value = url?.trim() ?? "";
  if (/^postgres(ql)?:\/\//i.test(value)) return value;
  throw new Error("DATABASE_URL must be a PostgreSQL connection string: postgres://…");
}

const storeEnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  DATABASE_MIGRATE: z.enum(["auto", "manual"]).default("auto"),
  NEXTAUTH_SECRET: z.string().min(1, "NEXTAUTH_SECRET is required to encrypt tokens at rest"),
});

/** Open the store the environment describes. Callers normally want `getSessionStore()`. */
export function openSessionStore(
  env: Record<string, string | undefined> = process.env,
): SessionStore {
  const parsed = storeEnvSchema.parse(env);
  return openPostgresStore({
    connectionString: parseDatabaseUrl(parsed.DATABASE_URL),
    cipher: createTokenCipher(parsed.NEXTAUTH_SECRET),
    migrate: parsed.DATABASE_MIGRATE,
  });
}

// One store per process, kept on globalThis so dev-mode module reloads do not leak pools.
const holder = globalThis as typeof globalThis & { __sessionStore?: SessionStore };

/** The process-wide session store, opened (and migrated, unless DATABASE_MIGRATE=manual) on first use. */
export function getSessionStore(): SessionStore {
  holder.__sessionStore ??= openSessionStore();
  return holder.__sessionStore;
}
