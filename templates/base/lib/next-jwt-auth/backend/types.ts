// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The one interface every backend style implements: sign-in only. Sign-in,
 * refresh and sign-out talk to a `BackendAdapter`; reading data goes through
 * `backendFetch` (server code) or the proxy (the browser).
 */

export interface Credentials {
  username: string;
  password: string;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token stops working. */
  accessTokenExpiresAt: number;
  /** Epoch milliseconds at which the refresh token stops working, when the backend says. */
  refreshTokenExpiresAt?: number | undefined;
}

/** The user as the UI shows it. Never holds a token. */
export interface BackendUser {
  id: string;
  name: string;
  email?: string | undefined;
  /**
   * The user's roles as the backend named them at sign-in (`[]`: none), read by
   * the style's `roles.ts`. Only `requireRole()` on the server decides with them;
   * the browser may show them, never grant anything.
   */
  roles: readonly string[];
}

export interface BackendAdapter {
  /** Exchange credentials for tokens. Throws `BackendError("invalid_credentials")` on a wrong login. */
  login(credentials: Credentials): Promise<TokenSet>;
  /** Exchange a refresh token for a new set. Throws `BackendError("refresh_rejected")` when it is dead. */
  refresh(refreshToken: string): Promise<TokenSet>;
  /** The signed-in user. Throws `BackendError("unauthorized")` when the access token is rejected. */
  me(accessToken: string): Promise<BackendUser>;
  /** End the session at the backend where the style supports it; a no-op otherwise. */
  logout(tokens: TokenSet): Promise<void>;
}
