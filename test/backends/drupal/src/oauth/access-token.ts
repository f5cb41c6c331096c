import { randomBytes } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";
import { accessDenied } from "./errors.js";
import type { Keys } from "./keys.js";
import type { AccessRecord, TokenStore } from "./token-store.js";

/** An access token's identifier: 80 hex characters, like league's generateUniqueIdentifier(40). */
export function newIdentifier(): string {
  return randomBytes(40).toString("hex");
}

/**
 * simple_oauth's AccessTokenEntity::convertToJWT: RS256 with exactly the
 * claims aud (client id), jti, iat, nbf, exp, sub (the uid as a string) and
 * scope (an array of scope ids).
 */
export async function signAccessToken(
  keys: Keys,
  claims: { clientId: string; jti: string; uid: number; scopes: readonly string[]; now: number; exp: number },
): Promise<string> {
  return new SignJWT({
    aud: claims.clientId,
    jti: claims.jti,
    iat: claims.now,
    nbf: claims.now,
    exp: claims.exp,
    sub: String(claims.uid),
    scope: [...claims.scopes],
  })
    .setProtectedHeader({ typ: "JWT", alg: "RS256" })
    .sign(keys.privateKey);
}

/**
 * league/oauth2-server's BearerTokenValidator: parse the JWT (lcobucci's
 * messages become the hint), verify signature and times ("Access token could
 * not be verified"), then ask the store whether it was revoked.
 */
export async function validateBearerToken(
  keys: Keys,
  store: TokenStore,
  jwt: string,
  nowMs: number,
): Promise<AccessRecord> {
  const parts = jwt.split(".");
  if (parts.length !== 3) throw accessDenied("The JWT string must have two dots");
  for (const part of parts.slice(0, 2)) {
    if (!/^[A-Za-z0-9_-]*$/.test(part!)) {
      throw accessDenied("Error while decoding from Base64Url, invalid base64 characters detected");
    }
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(part!, "base64url").toString("utf8"));
    } catch {
      throw accessDenied("Error while decoding from JSON");
    }
    if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded)) {
      throw accessDenied("Error while decoding from JSON");
    }
  }

  let jti: unknown;
  try {
    const { payload } = await jwtVerify(jwt, keys.publicKey, {
      algorithms: ["RS256"],
      currentDate: new Date(nowMs),
    });
    jti = payload.jti;
  } catch {
    throw accessDenied("Access token could not be verified");
  }
  if (typeof jti !== "string" || store.isAccessRevoked(jti)) {
    throw accessDenied("Access token has been revoked");
  }
  return store.accessToken(jti)!;
}
