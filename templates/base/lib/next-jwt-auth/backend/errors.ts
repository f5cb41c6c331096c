// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
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

/**
 * The brand that marks a `BackendError`, registered process-wide with
 * `Symbol.for`: `proxy.ts` and the route handlers are separate bundles, each
 * with its own copy of this class, and an error made by one (e.g. a refresh
 * shared through the single-flight registry) fails `instanceof` in the other.
 */
const BRAND = Symbol.for("create-next-jwt-auth.BackendError");

export class BackendError extends Error {
  override readonly name = "BackendError";
  readonly [BRAND] = true;

  constructor(
    readonly code: BackendErrorCode,
    message: string,
    /** The backend's HTTP status, when there was a response. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * True when `error` is a `BackendError` with one of the given codes (any code
 * when none is given), whichever bundle's copy of the class made it: it checks
 * the brand and the code, never `instanceof`.
 */
export function isBackendError(
  error: unknown,
  ...codes: BackendErrorCode[]
): error is BackendError {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { [BRAND]?: unknown; code?: unknown };
  if (candidate[BRAND] !== true) return false;
  const code = candidate.code as BackendErrorCode;
  if (!BACKEND_ERROR_CODES.includes(code)) return false;
  return codes.length === 0 || codes.includes(code);
}
