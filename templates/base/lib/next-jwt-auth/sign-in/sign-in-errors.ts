// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { isBackendError } from "@/lib/next-jwt-auth/backend/errors";
import { OUTAGE_SIGN_IN_ERRORS, outageSignInErrorCode } from "@/lib/next-jwt-auth/storage/outage";

/**
 * Error codes the login page understands. `CredentialsSignin` is next-auth's
 * own code for `authorize` returning `null`: unknown user and wrong password
 * alike.
 */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: "Incorrect username or password.",
  backend_unavailable:
    "The sign-in service cannot be reached right now. Please try again in a moment.",
  throttled: "Too many attempts. Please wait a moment before trying again.",
  ...OUTAGE_SIGN_IN_ERRORS,
  sign_in_failed: "Sign-in failed. Please try again later.",
  missing_username: "Enter your username.",
  missing_password: "Enter your password.",
  missing_credentials: "Enter your username and password.",
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

/** The code `authorize` throws for a failure that is not a wrong login. */
export function signInErrorCode(error: unknown): Exclude<SignInErrorCode, "CredentialsSignin"> {
  if (isBackendError(error, "unavailable")) return "backend_unavailable";
  if (isBackendError(error, "throttled")) return "throttled";
  return outageSignInErrorCode(error) ?? "sign_in_failed";
}

/** The message for a code from `signIn()`'s result or the `?error=` query; unknown codes get a generic one. */
export function signInErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  // Own keys only: `?error=toString` must not find Object.prototype's function.
  return Object.hasOwn(SIGN_IN_ERRORS, code)
    ? SIGN_IN_ERRORS[code as SignInErrorCode]
    : SIGN_IN_ERRORS.sign_in_failed;
}

/**
 * Why the user is on the login page, set as `?reason=` by whatever sent them:
 * the sign-out button, the session ending (proxy.ts, useAuth) or a protected
 * page without a session (proxy.ts, requireSession). Next to the error
 * messages so that every text of the sign-in lives in one file.
 */
export const LOGIN_NOTICES = {
  "signed-out": "You have been signed out.",
  "session-ended": "Your session ended. Please sign in again.",
  "sign-in-required": "Please sign in to continue.",
} as const;

export type LoginReason = keyof typeof LOGIN_NOTICES;

/** The notice for a `reason` query value; nothing for an unknown one. */
export function loginNotice(reason: string | undefined): string | undefined {
  return reason && Object.hasOwn(LOGIN_NOTICES, reason)
    ? LOGIN_NOTICES[reason as LoginReason]
    : undefined;
}

/** "12 seconds", "1 minute", "3 minutes": how long a throttled user waits, rounded up. */
export function waitDescription(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/**
 * The message for a failed sign-in; a throttled one says how long to wait when
 * the server said so (`Retry-After`).
 */
export function signInFailureMessage(
  code: string | null | undefined,
  retryAfterSeconds?: number,
): string | undefined {
  if (code === "throttled" && retryAfterSeconds && retryAfterSeconds > 0) {
    return `Too many attempts. Please wait ${waitDescription(retryAfterSeconds)} before trying again.`;
  }
  return signInErrorMessage(code);
}
