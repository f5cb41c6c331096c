import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The stored form of a refresh token. The recipe hashes it with bcrypt/argon2; a JWT is
 * long and random, so one SHA-256 is as safe here, is synchronous (the compare-and-rotate
 * has no await in it) and, unlike bcrypt, reads the whole token: bcrypt only looks at the
 * first 72 bytes, which two JWTs of the same user can share.
 */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
