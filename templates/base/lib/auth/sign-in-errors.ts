import { isBackendError } from "./backend/errors";
import { isSessionStorageUnavailable } from "./storage/errors";

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
  session_store_unavailable: "Signing in is not possible for a moment. Please try again shortly.",
  sign_in_failed: "Sign-in failed. Please try again later.",
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

/** The code `authorize` throws for a failure that is not a wrong login. */
export function signInErrorCode(error: unknown): Exclude<SignInErrorCode, "CredentialsSignin"> {
  if (isBackendError(error, "unavailable")) return "backend_unavailable";
  if (isBackendError(error, "throttled")) return "throttled";
  if (isSessionStorageUnavailable(error)) return "session_store_unavailable";
  return "sign_in_failed";
}

/** The message for a code from `signIn()`'s result or the `?error=` query; unknown codes get a generic one. */
export function signInErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  return code in SIGN_IN_ERRORS
    ? SIGN_IN_ERRORS[code as SignInErrorCode]
    : SIGN_IN_ERRORS.sign_in_failed;
}
