// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";

/**
 * Refresh this long before the access token expires, so a request that starts
 * just before expiry does not reach the backend with a dead token.
 */
export const REFRESH_MARGIN_MS = 5_000;

/** True when the access token is expired or about to be. */
export function needsRefresh(tokens: TokenSet, now = Date.now()): boolean {
  return tokens.accessTokenExpiresAt - REFRESH_MARGIN_MS <= now;
}

/** True when the backend said the refresh token is dead by now. */
export function refreshTokenExpired(tokens: TokenSet, now = Date.now()): boolean {
  return tokens.refreshTokenExpiresAt !== undefined && tokens.refreshTokenExpiresAt <= now;
}
