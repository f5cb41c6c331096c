// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { createTokenCipher } from "./crypto";
import { openSqliteStore } from "./sqlite-store";
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
  return openSqliteStore({
    filename: parseDatabaseUrl(parsed.DATABASE_URL),
    cipher: createTokenCipher(parsed.NEXTAUTH_SECRET),
    migrate: parsed.DATABASE_MIGRATE,
  });
}

// One store per process, kept on globalThis so dev-mode module reloads do not leak connections.
const holder = globalThis as typeof globalThis & { __sessionStore?: SessionStore };

/** The process-wide session store, opened (and migrated, unless DATABASE_MIGRATE=manual) on first use. */
export function getSessionStore(): SessionStore {
  holder.__sessionStore ??= openSessionStore();
  return holder.__sessionStore;
}
