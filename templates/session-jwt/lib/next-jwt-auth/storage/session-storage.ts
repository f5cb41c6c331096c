// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { JWT } from "next-auth/jwt";
import { z } from "zod";
import { env } from "@/lib/next-jwt-auth/config/env";
import { renewalDue } from "@/lib/next-jwt-auth/session/idle-renewal";
import type { LiveSession, SessionStorage } from "./types";

const liveTokenSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string().optional() }),
  backend: z.object({
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1),
    accessTokenExpiresAt: z.number(),
    refreshTokenExpiresAt: z.number().optional(),
  }),
  authTime: z.number(),
});

/**
 * JWT-cookie storage: the backend's tokens live in next-auth's encrypted
 * session cookie (A256GCM JWE keyed from `NEXTAUTH_SECRET`), nowhere else.
 * No server state, so any instance can serve any request; the price is that a
 * rotation must be written back as a new cookie, which `proxy.ts` (pages) and
 * the `/api/proxy` route handler do.
 */
export const sessionStorage: SessionStorage = {
  jwt: undefined,

  create({ user, tokens }) {
    return Promise.resolve({ sub: user.id, user, backend: tokens, authTime: Date.now() });
  },

  read(token) {
    if (token.error) return Promise.resolve(null);
    const parsed = liveTokenSchema.safeParse(token);
    if (!parsed.success) return Promise.resolve(null);
    const { user, backend, authTime } = parsed.data;
    // The cookie's own expiry is the idle deadline; `iat` says when it was last written.
    const issuedAt = typeof token.iat === "number" ? token.iat * 1000 : 0;
    const session: LiveSession = {
      user,
      tokens: backend,
      authTime,
      renewCookie: renewalDue(issuedAt, Date.now(), env().SESSION_IDLE_TIMEOUT),
    };
    return Promise.resolve(session);
  },

  persistRotation(token, _previous, next) {
    return Promise.resolve({ ...token, backend: next });
  },

  end(token, reason) {
    // Keep the user for the "signed out" message; drop the tokens so nothing can use them.
    const ended: JWT = { ...token, error: reason };
    delete ended.backend;
    return Promise.resolve(ended);
  },
};
