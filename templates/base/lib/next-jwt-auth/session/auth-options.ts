// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/next-jwt-auth/config/env";
import { safeCallbackUrl } from "@/lib/next-jwt-auth/security/safe-callback-url";
import { getAdapter } from "@/lib/next-jwt-auth/backend/get-adapter";
import { authLogger } from "@/lib/next-jwt-auth/log/auth-logger";
import { isBackendError } from "@/lib/next-jwt-auth/backend/errors";
import { isStorageOutage } from "@/lib/next-jwt-auth/storage/outage";
import { sessionCookieName, sessionCookieOptions, isSecureCookies } from "./cookies";
import { currentSecret, sessionCodec } from "./jwt-codec";
import { sessionState } from "./live-session";
import { endSignedInSession } from "./sign-out";
import { currentSignInAttempt } from "@/lib/next-jwt-auth/sign-in/sign-in-attempt";
import { signInErrorCode } from "@/lib/next-jwt-auth/sign-in/sign-in-errors";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";

/**
 * next-auth configuration. Built lazily (a function, not a constant) so that
 * `next build` does not need the runtime environment.
 *
 * Refresh is deliberately absent from the `jwt` callback: next-auth cannot
 * persist a cookie from a Server Component, so rotation happens in `proxy.ts`
 * (and in the backend proxy route on a 401), which write the cookie themselves.
 */
export function authOptions(): NextAuthOptions {
  const { SESSION_IDLE_TIMEOUT } = env();
  return {
    secret: currentSecret(),
    session: { strategy: "jwt", maxAge: SESSION_IDLE_TIMEOUT },
    jwt: { ...sessionCodec(), maxAge: SESSION_IDLE_TIMEOUT },
    pages: { signIn: "/login", error: "/login" },
    // One rate-limited line per event, not a stack per garbage cookie.
    logger: authLogger,
    useSecureCookies: isSecureCookies(),
    cookies: {
      sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() },
    },
    providers: [
      CredentialsProvider({
        name: "Backend",
        credentials: {
          username: { label: "Username", type: "text" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const username = credentials?.username?.trim() ?? "";
          const password = credentials?.password ?? "";
          if (!username || !password) return null;
          // The route counted this attempt in the login throttle before next-auth ran; an
          // attempt it did not count (another body type, another route) never reaches the backend.
          const attempt = currentSignInAttempt();
          if (!attempt || attempt.username !== credentials?.username) throw new Error("throttled");
          const adapter = getAdapter();
          const started = Date.now();
          try {
            const tokens = await adapter.login({ username, password });
            attempt.outcome = "succeeded";
            const user = await adapter.me(tokens.accessToken);
            const userAgent = (req.headers as Record<string, string | undefined> | undefined)?.[
              "user-agent"
            ];
            return { id: user.id, name: user.name, backendUser: user, tokens, userAgent };
          } catch (error) {
            if (!isBackendError(error, "invalid_credentials")) throw signInFailure(error);
          }
          attempt.outcome = "failed";
          await answerNoSoonerThan(started + env().LOGIN_FAILURE_MIN_MS);
          return null;
        },
      }),
    ],
    callbacks: {
      // Only ever back to this site: next-auth's default lets `/.//evil.com` through as a path.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackUrl(url, "/", baseUrl)}`;
      },
      async jwt({ token, user }) {
        if (user) {
          const created = await sessionStorage.create({
            user: user.backendUser,
            tokens: user.tokens,
            userAgent: user.userAgent,
          });
          return created;
        }
        return token;
      },
      async session({ session, token }) {
        const state = await sessionState(token);
        // Only the user and an error flag: the tokens stay on the server.
        return {
          expires: session.expires,
          user:
            state.status === "live"
              ? state.session.user
              : (token.user ?? { id: "", name: "", roles: [] }),
          ...(state.status === "live" ? {} : { error: token.error ?? "expired" }),
        };
      },
    },
    events: {
      signOut: ({ token }) => endSignedInSession(token),
    },
  };
}

/**
 * The error `authorize` throws for a failure that is not a wrong login.
 * next-auth forwards its message as the `error` of signIn(): a fixed code, never details.
 */
function signInFailure(error: unknown): Error {
  if (!isBackendError(error)) {
    if (!isStorageOutage(error)) console.error("[auth] sign-in failed:", error);
  } else if (error.code !== "throttled") {
    // "unavailable" included: the log says why (ECONNREFUSED and the URL), the page only that it failed.
    console.error(`[auth] sign-in failed: ${error.code}: ${error.message}`);
  }
  return new Error(signInErrorCode(error));
}

/**
 * Wait until `deadline` (epoch ms). A refused sign-in takes at least this
 * long whatever the backend did, so the time to "no" does not tell an
 * unknown username from a wrong password.
 */
function answerNoSoonerThan(deadline: number): Promise<void> {
  const wait = deadline - Date.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}
