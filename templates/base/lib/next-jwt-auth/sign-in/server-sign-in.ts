// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { cookies, headers } from "next/headers";
import { NextRequest, NextResponse } from "next/server";
import { authRouteHandler } from "@/lib/next-jwt-auth/routes/auth";
import { env } from "@/lib/next-jwt-auth/config/env";
import {
  readSignInResponse,
  type SignInOutcome,
} from "@/lib/next-jwt-auth/sign-in/sign-in-outcome";

/** Request headers next-auth and the login throttle read (client address, user agent). */
const FORWARDED = ["user-agent", "x-forwarded-for", "x-real-ip", "accept-language"];

function authContext(...segments: string[]) {
  return { params: Promise.resolve({ nextauth: segments }) };
}

/** Copy the cookies a next-auth answer sets into this request's cookies (and so its response). */
async function applyCookies(response: Response): Promise<void> {
  const jar = await cookies();
  for (const cookie of new NextResponse(null, { headers: response.headers }).cookies.getAll()) {
    jar.set(cookie);
  }
}

async function forwardedHeaders(): Promise<Record<string, string>> {
  const incoming = await headers();
  const out: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = incoming.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/**
 * A credentials sign-in performed on the server, for the login form's Server
 * Action (the form without JavaScript). It goes through next-auth's own route
 * in this process, exactly as the browser's sign-in does — CSRF token, login
 * throttle, `authorize`, the session cookie — so there is one sign-in, not
 * two. Next checks a Server Action's Origin, which is what keeps a cross-site
 * form from signing a victim in; the CSRF token is fetched here because the
 * browser never ran the script that would have.
 */
export async function signInOnServer(credentials: {
  username: string;
  password: string;
  callbackUrl: string;
}): Promise<SignInOutcome> {
  const base = env().NEXTAUTH_URL;
  const forwarded = await forwardedHeaders();

  // Sets the CSRF cookie in this request's jar when the browser has none, so
  // next-auth's double-submit check below finds it.
  const csrfResponse = await authRouteHandler(
    new NextRequest(`${base}/api/auth/csrf`, { headers: forwarded }),
    authContext("csrf"),
  );
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  await applyCookies(csrfResponse);

  const response = await authRouteHandler(
    new NextRequest(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { ...forwarded, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...credentials, csrfToken, json: "true" }),
    }),
    authContext("callback", "credentials"),
  );
  await applyCookies(response);
  return readSignInResponse(response);
}
