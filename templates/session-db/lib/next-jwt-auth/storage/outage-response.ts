// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { NextResponse } from "next/server";
import { isSessionStorageUnavailable } from "./errors";

/** Seconds a client should wait before trying again. */
const RETRY_AFTER_SECONDS = "5";

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Temporarily unavailable</title></head>
  <body>
    <main>
      <h1>Temporarily unavailable</h1>
      <p>Sessions cannot be checked right now. You are still signed in; please try again in a moment.</p>
    </main>
  </body>
</html>
`;

/**
 * The answer when `error` says the session database is down (`undefined` for
 * any other error): a 503 that says so, JSON for API routes (the client hook
 * and scripts read `error`), a plain page for pages. Never cached, and it
 * never clears the session cookie.
 */
export function storageOutageResponse(error: unknown, pathname: string): NextResponse | undefined {
  if (!isSessionStorageUnavailable(error)) return undefined;
  const headers = { "Cache-Control": "no-store", "Retry-After": RETRY_AFTER_SECONDS };
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "session_store_unavailable" }, { status: 503, headers });
  }
  return new NextResponse(PAGE, {
    status: 503,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
  });
}

/**
 * The answer of next-auth's own routes (`/api/auth/*`) when `error` says the
 * session database is down (`undefined` for any other error): 503, with the
 * `url` that next-auth/react's `signIn()` reads its error code from, so the
 * login page explains it instead of failing. Nothing was stored, so nothing
 * is lost.
 */
export function signInOutageResponse(error: unknown, loginUrl: URL): NextResponse | undefined {
  if (!isSessionStorageUnavailable(error)) return undefined;
  const url = new URL(loginUrl);
  url.searchParams.set("error", "session_store_unavailable");
  return NextResponse.json(
    { url: url.toString(), error: "session_store_unavailable" },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": RETRY_AFTER_SECONDS } },
  );
}
