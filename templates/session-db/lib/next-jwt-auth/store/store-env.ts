// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { z } from "zod";
import { createTokenCipher, type TokenCipher } from "./crypto";
import type { SessionStore } from "./types";

const storeEnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  DATABASE_MIGRATE: z.enum(["auto", "manual"]).default("auto"),
  NEXTAUTH_SECRET: z.string().min(1, "NEXTAUTH_SECRET is required to encrypt tokens at rest"),
});

/** What the environment says about the session database, before the driver reads `DATABASE_URL`. */
export interface StoreEnv {
  /** `DATABASE_URL` as given; each database's `parseDatabaseUrl` reads it. */
  databaseUrl: string | undefined;
  /** Seals tokens at rest, keyed by `NEXTAUTH_SECRET` ("new,old" rotates). */
  cipher: TokenCipher;
  /** "auto": apply missing migrations on open; "manual": refuse an outdated schema. */
  migrate: "auto" | "manual";
}

/** Read the store's variables; throws naming the variable that is missing or wrong. */
export function readStoreEnv(env: Record<string, string | undefined>): StoreEnv {
  const parsed = storeEnvSchema.parse(env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    cipher: createTokenCipher(parsed.NEXTAUTH_SECRET),
    migrate: parsed.DATABASE_MIGRATE,
  };
}

// One store per process, kept on globalThis so dev-mode module reloads do not leak connections.
const holder = globalThis as typeof globalThis & { __sessionStore?: SessionStore };

/** The process-wide store: `open` runs on first use only, later calls get the same store. */
export function processSessionStore(open: () => SessionStore): SessionStore {
  holder.__sessionStore ??= open();
  return holder.__sessionStore;
}
