// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { NextResponse, type NextRequest } from "next/server";
import type { BackendUser } from "@/lib/next-jwt-auth/backend/types";
import { roleFor } from "./protected-routes";
import { hasRole } from "./roles";

/** The page that says "not allowed"; proxy.ts renders it in place of a role page. */
export const NOT_ALLOWED_PAGE = "/not-allowed";

/** True for the not-allowed page itself or below it, also percent-encoded. */
function isNotAllowedPage(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape names no page (proxy.ts answers 400 before asking).
  }
  return decoded === NOT_ALLOWED_PAGE || decoded.startsWith(`${NOT_ALLOWED_PAGE}/`);
}

/**
 * The not-allowed page requested directly: its 403, like every other way to
 * reach it (the status of a page comes from here or from `forbidden()`, and
 * the page itself renders content so that it needs no JavaScript).
 * `undefined` for any other path.
 */
export function notAllowedDirectly(request: NextRequest): NextResponse | undefined {
  if (!isNotAllowedPage(request.nextUrl.pathname)) return undefined;
  return NextResponse.rewrite(new URL(NOT_ALLOWED_PAGE, request.url), {
    status: 403,
    request: { headers: request.headers },
  });
}

/**
 * What `proxy.ts` answers a signed-in `user` on a page `app.config.ts` gives a
 * role they lack: the not-allowed page with HTTP 403, rendered on the server
 * at the same URL (no login loop, no JavaScript needed). `undefined` when they
 * may open it. Optimistic, like the proxy's login redirect: the page's own
 * `requireSession()` checks again and is what decides.
 */
export function roleRefusal(
  request: NextRequest,
  user: Pick<BackendUser, "roles">,
): NextResponse | undefined {
  const role = roleFor(request.nextUrl.pathname);
  if (role === undefined || hasRole(user, role)) return undefined;
  return NextResponse.rewrite(new URL(NOT_ALLOWED_PAGE, request.url), {
    status: 403,
    request: { headers: request.headers },
  });
}
