// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The brand that marks a `SessionStorageUnavailableError` (and a storage's own
 * subclass), registered process-wide with `Symbol.for`. The database store is
 * shared through `globalThis`, so its errors reach bundles (`proxy.ts`, route
 * handlers, Server Components) whose copy of this class is another one:
 * `instanceof` would fail there and a 503 would become a 500.
 */
const BRAND = Symbol.for("create-next-jwt-auth.SessionStorageUnavailableError");

/**
 * The session storage cannot answer right now: its database is down, locked or
 * too slow. This is not "signed out": nothing is deleted, the request is
 * answered with 503 and the user can simply retry. The database storage throws
 * it instead of hanging.
 */
export class SessionStorageUnavailableError extends Error {
  override readonly name: string = "SessionStorageUnavailableError";
  readonly [BRAND] = true;
}

/**
 * True for a `SessionStorageUnavailableError`, including a storage's own
 * subclass, made by any bundle's copy of the class (a brand check, never
 * `instanceof`).
 */
export function isSessionStorageUnavailable(
  error: unknown,
): error is SessionStorageUnavailableError {
  return (
    typeof error === "object" && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true
  );
}
