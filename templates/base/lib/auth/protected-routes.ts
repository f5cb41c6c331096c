/** Pages that need a session. `proxy.ts` redirects to `/login` optimistically; each page checks again. */
export const PROTECTED_PAGE_PREFIXES = ["/dashboard"] as const;

/** True when `pathname` is one of the protected pages or below one. */
export function isProtectedPage(pathname: string): boolean {
  return PROTECTED_PAGE_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}
