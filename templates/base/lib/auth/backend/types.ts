/**
 * The one interface every backend style implements. The rest of the app
 * (sign-in, refresh, proxy, dashboard) only ever talks to a `BackendAdapter`.
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

/** One row of the demo resource the dashboard lists. */
export interface BackendItem {
  id: string;
  title: string;
}

export interface BackendAdapter {
  /** Path prefixes (no leading slash, trailing slash included) the proxy may reach by default. */
  readonly defaultProxyPrefixes: readonly string[];
  /** Headers resource calls need besides `Authorization` (e.g. a vendor media type as `Accept`). */
  readonly resourceHeaders: Readonly<Record<string, string>>;
  /** Path of the demo resource, under an allowed prefix, that the dashboard reads. */
  readonly demoResourcePath: string;

  /** Exchange credentials for tokens. Throws `BackendError("invalid_credentials")` on a wrong login. */
  login(credentials: Credentials): Promise<TokenSet>;
  /** Exchange a refresh token for a new set. Throws `BackendError("refresh_rejected")` when it is dead. */
  refresh(refreshToken: string): Promise<TokenSet>;
  /** The signed-in user. Throws `BackendError("unauthorized")` when the access token is rejected. */
  me(accessToken: string): Promise<BackendUser>;
  /** The demo resource's items, read with the access token. */
  items(accessToken: string): Promise<BackendItem[]>;
  /** End the session at the backend where the style supports it; a no-op otherwise. */
  logout(tokens: TokenSet): Promise<void>;
}
