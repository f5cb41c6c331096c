/**
 * What can go wrong talking to a backend, reduced to the cases the app acts on.
 * Adapters map every protocol's error shapes onto these codes.
 */
export const BACKEND_ERROR_CODES = [
  /** Login refused: unknown user or wrong password (the UI says the same for both). */
  "invalid_credentials",
  /** Refresh refused (invalid_grant, 401/403 on refresh): the session is over, never retry. */
  "refresh_rejected",
  /** The access token was refused on a resource or profile call. */
  "unauthorized",
  /** The backend's flood control or rate limit. */
  "throttled",
  /** The app is set up wrong for this backend (bad client id/secret, grant not enabled, 404 on an auth path). */
  "misconfigured",
  /** Network error, timeout or 5xx: try again later. */
  "unavailable",
  /** The backend answered with a shape the adapter does not understand. */
  "bad_response",
] as const;

export type BackendErrorCode = (typeof BACKEND_ERROR_CODES)[number];

export class BackendError extends Error {
  override readonly name = "BackendError";

  constructor(
    readonly code: BackendErrorCode,
    message: string,
    /** The backend's HTTP status, when there was a response. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** True when `error` is a `BackendError` with one of the given codes. */
export function isBackendError(
  error: unknown,
  ...codes: BackendErrorCode[]
): error is BackendError {
  return error instanceof BackendError && (codes.length === 0 || codes.includes(error.code));
}
