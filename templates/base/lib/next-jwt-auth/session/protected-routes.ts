// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import appConfig from "@/app.config";
import { isUnder, type RolePage } from "@/lib/next-jwt-auth/config/app-config";

/** next-auth's session endpoint: it re-issues the cookie, so `proxy.ts` must refresh it first. */
export const NEXT_AUTH_SESSION = "/api/auth/session";

/**
 * The request header `proxy.ts` puts on every request it ran the session step
 * for (and removes from every other one it sees): a Server Component whose
 * access token is still expired knows that the refresh was tried and could not
 * reach the backend, rather than never tried.
 */
export const SESSION_STEP_HEADER = "x-next-jwt-auth-session-step";

/** A malformed escape cannot name a page (proxy.ts answers 400 before asking). */
function decodedOrSame(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** The route checks for one list of protected pages. Exported for tests; the app uses the ones below. */
export function routeChecks(
  protectedPages: readonly string[],
  rolePages: readonly RolePage[] = [],
) {
  const sessionRoutes = [...protectedPages, NEXT_AUTH_SESSION];
  return {
    /**
     * The role `pathname` needs, from the role page it is on or below, also
     * percent-encoded; `undefined` when any signed-in user may open it.
     */
    roleFor: (pathname: string): string | undefined => {
      const decoded = decodedOrSame(pathname);
      return rolePages.find((page) => isUnder(decoded, page.path))?.role;
    },
    /**
     * True when `pathname` is one of the protected pages or below one, also
     * percent-encoded (`/%64ashboard`), like `readsSession`: the safe side.
     */
    isProtectedPage: (pathname: string): boolean => {
      const decoded = decodedOrSame(pathname);
      return protectedPages.some((prefix) => isUnder(decoded, prefix));
    },
    /**
     * True for the routes `proxy.ts` reads (and refreshes) the session on:
     * every protected page and next-auth's session endpoint. Not `/api/proxy`:
     * its route handler refreshes and sets the cookie itself.
     */
    readsSession: (pathname: string): boolean => {
      // Decoded, as next-auth's catch-all route sees it: `/api/auth/se%73sion` is its session endpoint.
      const decoded = decodeURIComponent(pathname);
      return sessionRoutes.some((route) => isUnder(decoded, route));
    },
  };
}

/** The checks for `app.config.ts`'s `protectedPages`: the one list of protected pages. */
export const { isProtectedPage, readsSession, roleFor } = routeChecks(
  appConfig.protectedPages,
  appConfig.rolePages,
);
