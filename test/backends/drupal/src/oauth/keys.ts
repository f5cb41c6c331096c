import { randomBytes } from "node:crypto";
import { generateKeyPair, type CryptoKey } from "jose";

/**
 * simple_oauth's key material: an RSA key pair that signs access tokens
 * (RS256), and league/oauth2-server's encryption key for refresh tokens.
 * Generated at start, as a fresh site would generate them.
 */
export interface Keys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  encryptionKey: Buffer;
}

export async function generateKeys(): Promise<Keys> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", {
    modulusLength: 2048,
    extractable: true,
  });
  return { privateKey, publicKey, encryptionKey: randomBytes(32) };
}
