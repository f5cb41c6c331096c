// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { safeCallbackUrl } from "@/lib/next-jwt-auth/security/safe-callback-url";
import { loginNotice } from "@/lib/next-jwt-auth/sign-in/sign-in-errors";

/** A page's `searchParams`, as Next hands them over (a repeated key is an array). */
export type SearchParams = Record<string, string | string[] | undefined>;

/** A failed attempt the login page reports on arrival (the form without JavaScript redirects with it). */
export interface LoginError {
  code: string;
  /** The wait of a throttled attempt, in seconds. */
  retryAfterSeconds?: number | undefined;
}

/** What the login page reads from its URL, every value checked. */
export interface LoginParams {
  /** Where to go after signing in: always a same-origin path (`safeCallbackUrl`). */
  callbackUrl: string;
  error: LoginError | undefined;
  /** Why the user was sent here (`?reason=`), as a sentence; none while there is an error to show. */
  notice: string | undefined;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A wait in whole seconds below a day, or nothing: the URL is anyone's to write. */
function seconds(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 86_400 ? n : undefined;
}

/**
 * The login page's query: `callbackUrl` (sanitised, so a link to the login
 * page cannot send the user to another site afterwards), `error` and
 * `retryAfter` (set by the sign-in Server Action), `reason` (set by whatever
 * sent the user here). Only the first of a repeated key counts.
 */
export function readLoginParams(params: SearchParams): LoginParams {
  const code = first(params.error);
  return {
    callbackUrl: safeCallbackUrl(first(params.callbackUrl)),
    error: code ? { code, retryAfterSeconds: seconds(first(params.retryAfter)) } : undefined,
    notice: code ? undefined : loginNotice(first(params.reason)),
  };
}
