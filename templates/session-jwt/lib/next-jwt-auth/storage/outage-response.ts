// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { NextResponse } from "next/server";

/**
 * The answer to a request that failed because the session storage is down.
 * The cookie storage keeps nothing on the server and is never down: every
 * error goes on to Next's own error handling.
 */
export const storageOutageResponse: (
  error: unknown,
  pathname: string,
) => NextResponse | undefined = () => undefined;

/** The answer of next-auth's own routes to the same; never one here (see above). */
export const signInOutageResponse: (
  error: unknown,
  loginUrl: URL,
) => NextResponse | undefined = () => undefined;
