/**
 * The session storage cannot answer right now: its database is down, locked or
 * too slow. This is not "signed out": nothing is deleted, the request is
 * answered with 503 and the user can simply retry. The JWT-cookie storage never
 * throws it; the database storage does, instead of hanging.
 */
export class SessionStorageUnavailableError extends Error {
  override readonly name: string = "SessionStorageUnavailableError";
}

/** True for a `SessionStorageUnavailableError`, including a storage's own subclass. */
export function isSessionStorageUnavailable(
  error: unknown,
): error is SessionStorageUnavailableError {
  return error instanceof SessionStorageUnavailableError;
}
