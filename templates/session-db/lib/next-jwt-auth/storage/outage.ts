// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { isSessionStorageUnavailable } from "./errors";

/**
 * True when `error` says the session database cannot answer right now (down,
 * locked, too slow): not "signed out", so callers keep the session and log
 * nothing. A brand check, so errors made by another bundle's copy count too.
 */
export function isStorageOutage(error: unknown): boolean {
  return isSessionStorageUnavailable(error);
}

/** The login page's message for a sign-in the session database could not take. */
export const OUTAGE_SIGN_IN_ERRORS = {
  session_store_unavailable: "Signing in is not possible for a moment. Please try again shortly.",
} as const;

/** The sign-in error code for `error` when the session database is down; otherwise `undefined`. */
export function outageSignInErrorCode(
  error: unknown,
): keyof typeof OUTAGE_SIGN_IN_ERRORS | undefined {
  return isSessionStorageUnavailable(error) ? "session_store_unavailable" : undefined;
}
