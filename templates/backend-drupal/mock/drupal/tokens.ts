import { generateKeyPair, SignJWT } from "jose";
import type { MockOptions } from "../kit/options";
import { TokenStore, type IssuedTokens, type RefreshFailure } from "../kit/token-store";
import { DEMO_CONSUMER } from "./consumer";

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** The kit's store, whose reset (`POST /__mock/reset`) also forgets Drupal-side state. */
class DrupalTokenStore extends TokenStore {
  onReset: () => void = () => {};

  override reset(): void {
    super.reset();
    this.onReset();
  }
}

export interface DrupalTokens {
  store: TokenStore;
  /** Verifies the RS256 access tokens (simple_oauth's public.key). */
  publicKey: KeyPair["publicKey"];
  /** Sign a user in with the scopes granted. */
  issue(userId: string, scopes: readonly string[]): Promise<IssuedTokens>;
  /** Rotate a refresh token; the new pair keeps the original scopes. */
  rotate(refreshToken: string): Promise<IssuedTokens | { error: RefreshFailure }>;
  /** The scopes a live refresh token carries. */
  scopesOf(refreshToken: string): readonly string[] | undefined;
  /** Register more state that `POST /__mock/reset` must clear. */
  onReset(callback: () => void): void;
}

/**
 * simple_oauth's tokens: RS256 JWT access tokens with `aud` (client id),
 * `jti`, `iat`, `nbf`, `exp`, `sub` (uid) and `scope` (array), and opaque
 * refresh tokens (the kit's random strings stand in for encrypted ones).
 */
export async function createDrupalTokens(options: MockOptions): Promise<DrupalTokens> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const scopesByRefresh = new Map<string, readonly string[]>();
  // The kit's signer only gets the standard claims. The scopes of the token
  // being minted are handed over here; the kit calls the signer synchronously
  // inside issue()/rotate(), so no other request can interleave.
  let mintingScopes: readonly string[] = [];

  const store = new DrupalTokenStore({
    accessTtlSeconds: options.accessTtlSeconds,
    refreshTtlSeconds: options.refreshTtlSeconds,
    ...(options.now ? { now: options.now } : {}),
    signAccessToken: (claims) =>
      new SignJWT({ scope: [...mintingScopes] })
        .setProtectedHeader({ alg: "RS256", typ: "JWT" })
        .setAudience(DEMO_CONSUMER.clientId)
        .setJti(claims.jti)
        .setIssuedAt(claims.iat)
        .setNotBefore(claims.iat)
        .setExpirationTime(claims.exp)
        .setSubject(claims.sub)
        .sign(privateKey),
  });
  const resets: (() => void)[] = [() => scopesByRefresh.clear()];
  store.onReset = () => resets.forEach((reset) => reset());

  return {
    store,
    publicKey,
    async issue(userId, scopes) {
      mintingScopes = scopes;
      const tokens = await store.issue(userId);
      scopesByRefresh.set(tokens.refreshToken, scopes);
      return tokens;
    },
    async rotate(refreshToken) {
      const scopes = scopesByRefresh.get(refreshToken) ?? [];
      mintingScopes = scopes;
      const result = await store.rotate(refreshToken);
      if (!("error" in result)) {
        scopesByRefresh.delete(refreshToken);
        scopesByRefresh.set(result.refreshToken, scopes);
      }
      return result;
    },
    scopesOf: (refreshToken) => scopesByRefresh.get(refreshToken),
    onReset: (callback) => {
      resets.push(callback);
    },
  };
}
