import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * The refresh token is opaque: league/oauth2-server encrypts a JSON payload
 * with the site's encryption key (defuse/php-encryption, whose ciphertexts
 * start with the version header `def50200`). Here AES-256-GCM stands in for
 * defuse, keeping the header, so a client can neither read nor forge it.
 */
export interface RefreshPayload {
  client_id: string;
  refresh_token_id: string;
  access_token_id: string;
  scopes: string[];
  user_id: string;
  /** Unix seconds. */
  expire_time: number;
}

const HEADER = "def50200";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function encryptRefreshToken(payload: RefreshPayload, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  return HEADER + Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString("hex");
}

/** The payload, or `undefined` when the token was not made with this key (garbled, forged). */
export function decryptRefreshToken(token: string, key: Buffer): RefreshPayload | undefined {
  if (!token.startsWith(HEADER)) return undefined;
  const hex = token.slice(HEADER.length);
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return undefined;
  const raw = Buffer.from(hex, "hex");
  if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
    return JSON.parse(plain) as RefreshPayload;
  } catch {
    return undefined;
  }
}
