// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * True when `error` says the session storage cannot answer right now. The
 * cookie storage keeps nothing on the server, so no error ever is one.
 */
export const isStorageOutage: (error: unknown) => boolean = () => false;

/** Sign-in error codes of storage outages, for the login page: none. */
export const OUTAGE_SIGN_IN_ERRORS = {} as const;

/** The sign-in error code of a storage outage: never one. */
export const outageSignInErrorCode: (error: unknown) => undefined = () => undefined;
