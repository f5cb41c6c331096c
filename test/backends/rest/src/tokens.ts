import { randomBytes, randomUUID } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import type { AccessCheck, Clock, NewToken, TokenStore } from "./token-store.js";
import type { User } from "./users.js";

export interface MintedPair {
  access: NewToken;
  refresh: NewToken;
}

/** How tokens look: minted before the store learns of them, checked on every bearer call. */
export interface TokenFormat {
  /** Opaque access tokens exist only in the store; JWTs carry their own expiry. */
  readonly storesAccessTokens: boolean;
  mint(
    user: User,
    sessionId: string,
    ttl: { access: number; refresh: number },
  ): Promise<MintedPair>;
  checkAccess(token: string, store: TokenStore): Promise<AccessCheck>;
}

/**
 * DummyJSON's tokens: HS256 JWTs carrying the user, `iat` and `exp` (the app
 * reads the access token's lifetime from `exp`). A per-process random key; each
 * token has a `jti`, so two tokens minted in the same second still differ, and
 * a `typ` claim, so a refresh token is no access token. A validly signed access
 * token is still refused once its session is revoked (logout, reuse, reset).
 */
export function jwtFormat(clock: Clock, key: Uint8Array = randomBytes(32)): TokenFormat {
  const sign = (
    user: User,
    sessionId: string,
    typ: "access" | "refresh",
    iat: number,
    ttl: number,
  ) =>
    new SignJWT({
      id: user.id,
      username: user.username,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      gender: user.gender,
      image: user.image,
      sid: sessionId,
      typ,
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(String(user.id))
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .sign(key);

  return {
    storesAccessTokens: false,

    async mint(user, sessionId, ttl) {
      const iat = Math.floor(clock() / 1000);
      const [access, refresh] = await Promise.all([
        sign(user, sessionId, "access", iat, ttl.access),
        sign(user, sessionId, "refresh", iat, ttl.refresh),
      ]);
      return {
        access: { token: access, expiresAt: (iat + ttl.access) * 1000 },
        refresh: { token: refresh, expiresAt: (iat + ttl.refresh) * 1000 },
      };
    },

    async checkAccess(token, store) {
      let payload;
      try {
        ({ payload } = await jwtVerify(token, key, {
          algorithms: ["HS256"],
          currentDate: new Date(clock()),
          requiredClaims: ["exp", "sub"],
        }));
      } catch (error) {
        return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "unknown" };
      }
      if (payload.typ !== "access" || typeof payload.sid !== "string") {
        return { ok: false, reason: "unknown" };
      }
      return store.checkSessionOf(payload.sid);
    },
  };
}

/** Random strings that mean nothing outside the store: the app must take the lifetime from `expires_in`. */
export function opaqueFormat(clock: Clock): TokenFormat {
  const random = (prefix: string) => `${prefix}_${randomBytes(32).toString("base64url")}`;
  return {
    storesAccessTokens: true,

    async mint(_user, _sessionId, ttl) {
      const now = clock();
      return {
        access: { token: random("at"), expiresAt: now + ttl.access * 1000 },
        refresh: { token: random("rt"), expiresAt: now + ttl.refresh * 1000 },
      };
    },

    async checkAccess(token, store) {
      return store.checkOpaqueAccess(token);
    },
  };
}
