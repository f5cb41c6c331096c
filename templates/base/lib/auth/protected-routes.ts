import appConfig from "@/app.config";
import { isUnder } from "@/lib/app-config";

/** next-auth's session endpoint: it re-issues the cookie, so `proxy.ts` must refresh it first. */
export const NEXT_AUTH_SESSION = "/api/auth/session";

/** The route checks for one list of protected pages. Exported for tests; the app uses the ones below. */
export function routeChecks(protectedPages: readonly string[]) {
  const sessionRoutes = [...protectedPages, NEXT_AUTH_SESSION];
  return {
    /** True when `pathname` is one of the protected pages or below one. */
    isProtectedPage: (pathname: string): boolean =>
      protectedPages.some((prefix) => isUnder(pathname, prefix)),
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
export const { isProtectedPage, readsSession } = routeChecks(appConfig.protectedPages);
