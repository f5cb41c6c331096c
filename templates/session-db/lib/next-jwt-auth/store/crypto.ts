// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

const SESSION_ID_BYTES = 32;
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new session id: 32 random bytes (256 bits), base64url. Only the cookie ever holds it. */
export function newSessionId(): string {
  return randomBytes(SESSION_ID_BYTES).toString("base64url");
}

/** True when the value has the shape of an id from `newSessionId` (cheap reject of junk cookies). */
export function isSessionIdShaped(value: string): boolean {
  return SESSION_ID_PATTERN.test(value);
}

/**
 * The only form of a session id the database ever sees: SHA-256, hex.
 *
 * Why a plain hash and no salt or HMAC: the id carries 256 bits of entropy, so
 * a dump of hashes cannot be reversed or brute-forced into a working cookie.
 * Why this makes lookup constant-time safe: the database compares the hash
 * of what the client sent with stored hashes. Timing of that comparison can at
 * best reveal a prefix of some stored hash, and a hash prefix gives nothing
 * towards a preimage, so there is nothing to guess byte by byte (unlike
 * comparing raw secrets).
 */
export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId, "utf8").digest("hex");
}

const FORMAT = "v1";
const KEY_SALT = "create-next-jwt-auth/session-db";
const KEY_INFO = "backend tokens at rest, AES-256-GCM";
const KEY_ID_INFO = "backend tokens at rest, key id";
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Key {
  id: string;
  key: Buffer;
}

/** Encrypts and decrypts token columns; see `createTokenCipher`. */
export interface TokenCipher {
  /** `v1.<key id>.<iv>.<ciphertext+tag>`, bound to `context` (e.g. the row and column). */
  encrypt(plaintext: string, context: string): string;
  /** Throws `TokenDecryptError` for an unknown key, a tampered value or another context. */
  decrypt(sealed: string, context: string): string;
}

/** A stored token cannot be decrypted with any configured secret. */
export class TokenDecryptError extends Error {
  override readonly name = "TokenDecryptError";
}

function deriveKey(secret: string): Key {
  const ikm = Buffer.from(secret, "utf8");
  const key = Buffer.from(hkdfSync("sha256", ikm, KEY_SALT, KEY_INFO, 32));
  // The id is derived separately so that publishing it says nothing about the key.
  const id = Buffer.from(hkdfSync("sha256", ikm, KEY_SALT, KEY_ID_INFO, 6)).toString("base64url");
  return { id, key };
}

/**
 * AES-256-GCM for tokens at rest, with keys derived from the app secret by
 * HKDF-SHA256. `secrets` is `NEXTAUTH_SECRET` as configured: one secret, or
 * "current,previous,…" during a rotation. The first encrypts; all decrypt,
 * found by the key id stored with each value.
 */
export function createTokenCipher(secrets: string | readonly string[]): TokenCipher {
  const list = (typeof secrets === "string" ? secrets.split(",") : secrets)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (list.length === 0) throw new Error("createTokenCipher: no secret given");
  const keys = list.map(deriveKey);
  const current = keys[0]!;

  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([
        cipher.update(plaintext, "utf8"),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      return [FORMAT, current.id, iv.toString("base64url"), body.toString("base64url")].join(".");
    },
    decrypt(sealed, context) {
      const [format, keyId, ivText, bodyText, extra] = sealed.split(".");
      if (format !== FORMAT || !keyId || !ivText || !bodyText || extra !== undefined) {
        throw new TokenDecryptError("not a sealed token");
      }
      const key = keys.find((k) => k.id === keyId);
      if (!key) throw new TokenDecryptError("sealed with a secret that is no longer configured");
      const iv = Buffer.from(ivText, "base64url");
      const body = Buffer.from(bodyText, "base64url");
      if (iv.length !== IV_BYTES || body.length < TAG_BYTES)
        throw new TokenDecryptError("malformed sealed token");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key.key, iv);
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch (error) {
        throw new TokenDecryptError("sealed token failed authentication", { cause: error });
      }
    },
  };
}
