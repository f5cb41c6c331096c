// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { z } from "zod";
import type { BackendErrorCode } from "./errors";

/** The calls the HTTP adapter makes; error messages name them. */
export type Operation = "login" | "refresh" | "me" | "logout";

/**
 * What tells one JSON-over-HTTP backend style from another beyond paths and
 * field names: how it words errors and what its refusals mean. Each style's
 * `config.ts` holds one.
 */
export interface HttpStyle {
  /** The settings a 404 points at, e.g. `FOO_*_PATH`. */
  pathSettings: string;
  /** The readable message of the style's own error body; `undefined` for any other body. */
  errorMessage(body: unknown): string | undefined;
  /** What a refusal means, per operation; 404, 429 and anything else are the same for all. */
  refusals: Record<Operation, Partial<Record<number, BackendErrorCode>>>;
  /** Statuses that are refusals only with the style's own error body (a proxy's 400 page is not). */
  ownBodyOnly: readonly number[];
  /**
   * Reads the roles field of the `me` answer into role names: a missing field is no
   * roles; a field that holds something other than roles fails (a misconfiguration).
   */
  roles: z.ZodType<string[]>;
}

/** The field names of the signed-in user in the `me` answer. */
export interface UserFields {
  id: string;
  name: string;
  /** Optional in the answer. */
  email: string;
  /** Optional in the answer: the style's `roles` reads it. */
  roles: string;
}

/** Everything the HTTP adapter needs, validated and normalised by the style's `config.ts`. */
export interface BackendConfig {
  /** The backend's base URL without a trailing slash. */
  backendUrl: string;
  timeoutMs: number;
  paths: {
    login: string;
    refresh: string;
    me: string;
    /** `undefined`: the backend has no logout endpoint. */
    logout: string | undefined;
  };
  /** Field names of the login request body. */
  credentials: { username: string; password: string };
  /** Field names of the login and refresh answers; no `expiresIn`: the lifetime is the JWT's `exp`. */
  tokens: { accessToken: string; refreshToken: string; expiresIn: string | undefined };
  user: UserFields;
  /** Where the refresh call carries the refresh token. */
  refreshToken: { in: "body"; field: string } | { in: "bearer" };
  style: HttpStyle;
}

/** Words that switch the backend logout off (an empty value falls back to the default). */
const NO_LOGOUT = new Set(["", "none", "-"]);

/** The logout path, or `undefined` when a setting switches it off. */
export function logoutPath(setting: string): string | undefined {
  const path = setting.trim();
  return NO_LOGOUT.has(path.toLowerCase()) ? undefined : path;
}
