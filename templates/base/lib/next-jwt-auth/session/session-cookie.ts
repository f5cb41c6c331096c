// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { JWT } from "next-auth/jwt";
import type { NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/next-jwt-auth/config/env";
import { planClearSessionCookies, planSessionCookies } from "./cookie-chunks";
import { sessionCookieName, sessionCookieOptions } from "./cookies";
import { currentSecret, sessionCodec } from "./jwt-codec";

interface CookieReader {
  getAll(): { name: string; value: string }[];
}

/** The session cookie's value, its chunks joined in order the way next-auth reads them. */
export function readSessionCookie(cookies: CookieReader): string | undefined {
  const name = sessionCookieName();
  const parts = cookies
    .getAll()
    .flatMap(({ name: cookie, value }) => {
      if (cookie === name) return [{ index: -1, value }];
      const match = cookie.startsWith(`${name}.`)
        ? /^\d+$/.exec(cookie.slice(name.length + 1))
        : null;
      return match ? [{ index: Number(match[0]), value }] : [];
    })
    .sort((a, b) => a.index - b.index);
  return parts.length > 0 ? parts.map((p) => p.value).join("") : undefined;
}

/** Decode the session cookie; `null` for no, tampered, truncated, expired or wrong-secret cookies. */
export async function readSessionToken(cookies: CookieReader): Promise<JWT | null> {
  const raw = readSessionCookie(cookies);
  if (!raw) return null;
  try {
    return await sessionCodec().decode({ token: raw, secret: currentSecret() });
  } catch {
    return null;
  }
}

/** The cookies that store a session token: what to set (chunked like next-auth) and which stale chunks to clear. */
export interface SessionCookieWrite {
  set: { name: string; value: string }[];
  clear: string[];
  maxAge: number;
}

/** Encode `token` and plan its cookies, given the cookies the request carried. */
export async function encodeSessionCookies(
  token: JWT,
  existing: CookieReader,
): Promise<SessionCookieWrite> {
  const maxAge = env().SESSION_IDLE_TIMEOUT;
  const value = await sessionCodec().encode({ token, secret: currentSecret(), maxAge });
  const plan = planSessionCookies(
    sessionCookieName(),
    value,
    existing.getAll().map((c) => c.name),
  );
  return { ...plan, maxAge };
}

/**
 * Put the new cookies on the request forwarded to the page or route handler,
 * so that it sees the same session the browser will. Call before
 * `NextResponse.next({ request: { headers: request.headers } })`.
 */
export function applySessionCookiesToRequest(
  request: NextRequest,
  write: SessionCookieWrite,
): void {
  for (const cookie of write.set) request.cookies.set(cookie.name, cookie.value);
  for (const stale of write.clear) request.cookies.delete(stale);
}

/** Set the new cookies on the browser's response (and forbid caching it). */
export function applySessionCookiesToResponse(
  response: NextResponse,
  write: SessionCookieWrite,
): void {
  applySessionCookiesToStore(response.cookies, write);
  response.headers.set("Cache-Control", "no-store");
}

/** Where cookies are set: a `NextResponse`'s cookies, or `cookies()` of `next/headers`. */
export interface CookieWriter {
  set(
    name: string,
    value: string,
    options: ReturnType<typeof sessionCookieOptions> & { maxAge: number },
  ): unknown;
}

/** The cookies of `next/headers`: writable in Server Actions and route handlers, read-only (throwing) elsewhere. */
export interface SessionCookieStore extends CookieReader, CookieWriter {}

/**
 * Set the new cookies through `cookies()` of `next/headers`, for server code
 * that has no response object of its own. Throws where cookies are read-only.
 */
export function applySessionCookiesToStore(store: CookieWriter, write: SessionCookieWrite): void {
  const options = sessionCookieOptions();
  for (const cookie of write.set)
    store.set(cookie.name, cookie.value, { ...options, maxAge: write.maxAge });
  for (const stale of write.clear) store.set(stale, "", { ...options, maxAge: 0 });
}

/** Clear every part of the session cookie the request carried (chunks included). */
export function clearSessionCookieParts(writer: CookieWriter, existing: CookieReader): void {
  const names = planClearSessionCookies(
    sessionCookieName(),
    existing.getAll().map((c) => c.name),
  );
  for (const name of names) writer.set(name, "", { ...sessionCookieOptions(), maxAge: 0 });
}

/** Clear every part of the session cookie on the response. */
export function clearSessionCookies(response: NextResponse, existing: CookieReader): void {
  clearSessionCookieParts(response.cookies, existing);
  response.headers.set("Cache-Control", "no-store");
}
