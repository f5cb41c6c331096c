// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { env } from "@/lib/next-jwt-auth/config/env";
import { authOptions } from "@/lib/next-jwt-auth/session/auth-options";
import { guardedCredentialsSignIn } from "@/lib/next-jwt-auth/sign-in/login-guard";
import { signInOutageResponse } from "@/lib/next-jwt-auth/storage/outage-response";

/** next-auth's actions that take a provider segment (`signin/credentials`); the others take none. */
const ACTIONS_WITH_PROVIDER = new Set(["signin", "callback"]);

/** The context Next passes to `app/api/auth/[...nextauth]/route.ts`. */
export type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's route handler behind the login throttle, re-exported by
 * `app/api/auth/[...nextauth]/route.ts` as `GET` and `POST`.
 */
export async function authRouteHandler(
  request: NextRequest,
  context: AuthRouteContext,
): Promise<Response> {
  try {
    return await authRoute(request, context);
  } catch (error) {
    // The session storage may be asked for the throttle and the new session.
    const outage = signInOutageResponse(error, new URL("/login", env().NEXTAUTH_URL));
    if (outage) return outage;
    throw error;
  }
}

async function authRoute(request: NextRequest, context: AuthRouteContext): Promise<Response> {
  const { nextauth } = await context.params;
  // next-auth reads only the action and provider segments and ignores the rest:
  // `callback/credentials/x` would be its credentials callback, `session/x` its
  // session endpoint, past every check (here and in proxy.ts) that compares paths.
  if (nextauth.length > (ACTIONS_WITH_PROVIDER.has(nextauth[0] ?? "") ? 2 : 1)) {
    return new Response(null, { status: 404 });
  }
  // next-auth's client-log endpoint would write whatever anyone posts to the server log.
  if (nextauth[0] === "_log") return new Response(null, { status: 204 });
  const credentialsCallback = nextauth[0] === "callback" && nextauth[1] === "credentials";
  // next-auth answers any other method here with a 500 and its internal message.
  if (credentialsCallback && request.method !== "POST") {
    return new Response(null, { status: 405, headers: { Allow: "POST" } });
  }
  const nextAuth = async () => (await NextAuth(request, context, authOptions())) as Response;
  // The throttle counts the attempt (415 for a body it cannot read, 429 when it must wait).
  const response = credentialsCallback
    ? await guardedCredentialsSignIn(request, nextAuth)
    : await nextAuth();
  if (request.method === "POST" && nextauth[0] === "signout") {
    // Sign-out also wipes every cookie of this origin in the browser, belt and braces.
    const headers = new Headers(response.headers);
    headers.set("Clear-Site-Data", '"cookies"');
    headers.set("Cache-Control", "no-store");
    return new Response(response.body, { status: response.status, headers });
  }
  // A response that sets or clears the session cookie must never be cached (sign-in sets it).
  if (response.headers.has("set-cookie")) response.headers.set("Cache-Control", "no-store");
  return response;
}
