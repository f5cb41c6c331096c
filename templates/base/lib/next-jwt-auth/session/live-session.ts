// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { JWT } from "next-auth/jwt";
import { env } from "@/lib/next-jwt-auth/config/env";
import { refreshTokenExpired } from "./expiry";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";
import type { LiveSession } from "@/lib/next-jwt-auth/storage/types";

export type SessionState =
  | { status: "none" }
  | { status: "live"; session: LiveSession }
  /** The token must be ended (absolute timeout reached, refresh token expired). */
  | { status: "expired" };

/**
 * What a decoded cookie is worth right now. The idle timeout is the cookie's
 * own `maxAge` (next-auth renews it on every session read); the absolute
 * timeout and the refresh token's lifetime are checked here, on the server.
 */
export async function sessionState(token: JWT | null, now = Date.now()): Promise<SessionState> {
  if (!token || token.error) return { status: "none" };
  const session = await sessionStorage.read(token);
  if (!session) return { status: "none" };
  const absoluteMs = env().SESSION_ABSOLUTE_TIMEOUT * 1000;
  if (session.authTime + absoluteMs <= now || refreshTokenExpired(session.tokens, now)) {
    return { status: "expired" };
  }
  return { status: "live", session };
}
