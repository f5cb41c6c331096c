// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { TokenDecryptError, type TokenCipher } from "./crypto";
import type { NewSession, SessionSummary, StoredSession } from "./types";

/** A `sessions` row as the driver returns it (some give BIGINT as a string). */
export interface SessionRow {
  id_hash: string;
  user_id: string;
  user_name: string;
  user_email: string | null;
  /** JSON array of role names (migration 3). */
  user_roles: string;
  access_token: string;
  access_expires_at: number | string;
  refresh_token: string;
  refresh_expires_at: number | string | null;
  created_at: number | string;
  last_seen_at: number | string;
  idle_expires_at: number | string;
  absolute_expires_at: number | string;
  user_agent: string | null;
  version: number | string;
  refresh_lease_until: number | string | null;
}

/** Column order for INSERTs; both stores use it so they cannot drift apart. */
export const SESSION_COLUMNS = [
  "id_hash",
  "user_id",
  "user_name",
  "user_email",
  "user_roles",
  "access_token",
  "access_expires_at",
  "refresh_token",
  "refresh_expires_at",
  "created_at",
  "last_seen_at",
  "idle_expires_at",
  "absolute_expires_at",
  "user_agent",
  "version",
  "refresh_lease_until",
] as const;

/** Columns `listForUser` reads: no token leaves the database for a list. */
export const SUMMARY_COLUMNS =
  "id_hash, created_at, last_seen_at, idle_expires_at, absolute_expires_at, user_agent";

const USER_AGENT_MAX = 512;

// The row's hash and the column name are the encryption context, so a sealed
// token copied into another row or column fails to decrypt.
const context = (idHash: string, column: "access_token" | "refresh_token") => `${idHash}:${column}`;

/** The sealed token columns for a token set. */
export function sealTokens(cipher: TokenCipher, idHash: string, tokens: TokenSet) {
  return {
    access_token: cipher.encrypt(tokens.accessToken, context(idHash, "access_token")),
    access_expires_at: tokens.accessTokenExpiresAt,
    refresh_token: cipher.encrypt(tokens.refreshToken, context(idHash, "refresh_token")),
    refresh_expires_at: tokens.refreshTokenExpiresAt ?? null,
  };
}

/** A full row for a new session, in `SESSION_COLUMNS` order. */
export function newRowValues(
  cipher: TokenCipher,
  idHash: string,
  input: NewSession,
): (string | number | null)[] {
  const row: Record<(typeof SESSION_COLUMNS)[number], string | number | null> = {
    id_hash: idHash,
    user_id: input.user.id,
    user_name: input.user.name,
    user_email: input.user.email ?? null,
    user_roles: JSON.stringify(input.user.roles),
    ...sealTokens(cipher, idHash, input.tokens),
    created_at: input.now,
    last_seen_at: input.now,
    idle_expires_at: Math.min(input.idleExpiresAt, input.absoluteExpiresAt),
    absolute_expires_at: input.absoluteExpiresAt,
    user_agent: input.userAgent ? input.userAgent.slice(0, USER_AGENT_MAX) : null,
    version: 1,
    refresh_lease_until: null,
  };
  return SESSION_COLUMNS.map((column) => row[column]);
}

const toNumber = (value: number | string) => (typeof value === "number" ? value : Number(value));

/** Whether a row is past its idle or absolute expiry at `now`. */
export function isExpired(
  row: Pick<SessionRow, "idle_expires_at" | "absolute_expires_at">,
  now: number,
): boolean {
  return toNumber(row.idle_expires_at) <= now || toNumber(row.absolute_expires_at) <= now;
}

/**
 * Decrypt a row into a session. Null when its tokens were sealed under a
 * secret no longer configured (or tampered with): such a session cannot be
 * used, which is the same as having none.
 */
export function fromRow(cipher: TokenCipher, row: SessionRow): StoredSession | null {
  let accessToken: string;
  let refreshToken: string;
  try {
    accessToken = cipher.decrypt(row.access_token, context(row.id_hash, "access_token"));
    refreshToken = cipher.decrypt(row.refresh_token, context(row.id_hash, "refresh_token"));
  } catch (error) {
    if (error instanceof TokenDecryptError) return null;
    throw error;
  }
  return {
    idHash: row.id_hash,
    user: {
      id: row.user_id,
      name: row.user_name,
      email: row.user_email ?? undefined,
      roles: parseRoleColumn(row.user_roles),
    },
    tokens: {
      accessToken,
      refreshToken,
      accessTokenExpiresAt: toNumber(row.access_expires_at),
      refreshTokenExpiresAt:
        row.refresh_expires_at === null ? undefined : toNumber(row.refresh_expires_at),
    },
    createdAt: toNumber(row.created_at),
    lastSeenAt: toNumber(row.last_seen_at),
    idleExpiresAt: toNumber(row.idle_expires_at),
    absoluteExpiresAt: toNumber(row.absolute_expires_at),
    userAgent: row.user_agent,
    version: toNumber(row.version),
  };
}

/**
 * The `user_roles` column back into a list. Anything but a JSON array of
 * strings (a hand-edited row) reads as no roles: the safe side.
 */
export function parseRoleColumn(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((role) => typeof role === "string") ? parsed : [];
  } catch {
    return [];
  }
}

/** A summary row into a `SessionSummary`. */
export function toSummary(
  row: Pick<
    SessionRow,
    | "id_hash"
    | "created_at"
    | "last_seen_at"
    | "idle_expires_at"
    | "absolute_expires_at"
    | "user_agent"
  >,
): SessionSummary {
  return {
    idHash: row.id_hash,
    createdAt: toNumber(row.created_at),
    lastSeenAt: toNumber(row.last_seen_at),
    idleExpiresAt: toNumber(row.idle_expires_at),
    absoluteExpiresAt: toNumber(row.absolute_expires_at),
    userAgent: row.user_agent,
  };
}
