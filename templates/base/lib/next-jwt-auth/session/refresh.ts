// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { JWT } from "next-auth/jwt";
import { getAdapter } from "@/lib/next-jwt-auth/backend/get-adapter";
import { isBackendError } from "@/lib/next-jwt-auth/backend/errors";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { peekSingleFlight, singleFlight } from "./single-flight";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";
import type { LiveSession, RefreshOutcome } from "@/lib/next-jwt-auth/storage/types";

/**
 * How long a finished refresh is remembered. A request that left the browser
 * with the old cookie before the new one arrived still gets the new tokens
 * instead of replaying a refresh token the backend has already revoked.
 */
const RESULT_TTL_MS = 30_000;

export type { RefreshOutcome };

/**
 * Exchange the session's refresh token for a new set, at most once per refresh
 * token in this process (every concurrent caller waits for the same call and
 * gets the same tokens), and persist the rotation through the session storage.
 * A storage with its own `refresh` (db: under the row's lease) does it instead.
 */
export async function refreshSession(token: JWT, session: LiveSession): Promise<RefreshOutcome> {
  if (sessionStorage.refresh) return sessionStorage.refresh(token, session);
  const previous = session.tokens;
  try {
    const next = await singleFlight(
      previous.refreshToken,
      () => getAdapter().refresh(previous.refreshToken),
      {
        resultTtlMs: RESULT_TTL_MS,
        // A refused refresh token stays refused; anything else may be over in a second.
        rememberFailure: (error) => isBackendError(error, "refresh_rejected"),
      },
    );
    const rotated = await sessionStorage.persistRotation(token, previous, next);
    return { status: "rotated", token: rotated, tokens: next };
  } catch (error) {
    // Only the backend refusing the refresh token ends the session. An outage,
    // a rate limit or an answer the adapter cannot read says nothing about the
    // token: keep it, a later request retries.
    if (isBackendError(error, "refresh_rejected")) {
      return {
        status: "ended",
        token: await sessionStorage.end(token, "refresh_failed", previous),
      };
    }
    if (!isBackendError(error, "unavailable", "throttled")) {
      console.error("[auth] refresh failed unexpectedly; keeping the session:", error);
    }
    return { status: "unavailable", token };
  }
}

/**
 * The token to write when the cookie is re-issued for the idle timeout: the
 * request's own, unless this process has just rotated its refresh token for a
 * concurrent request. Then the rotated one, so that a renewal never writes
 * back tokens the backend has already revoked over the fresh cookie. `null`:
 * that refresh failed, leave the cookie alone.
 */
export async function tokenForRenewal(token: JWT, session: LiveSession): Promise<JWT | null> {
  const rotation = peekSingleFlight<TokenSet>(session.tokens.refreshToken);
  if (!rotation) return token;
  try {
    return await sessionStorage.persistRotation(token, session.tokens, await rotation);
  } catch {
    return null;
  }
}
