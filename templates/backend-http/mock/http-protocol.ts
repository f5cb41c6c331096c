import type { MockUser } from "./kit/users";

/** Why a token was refused; `missing`: the request carried none. */
export type Refusal = "missing" | "invalid" | "expired" | "revoked";

/** A status and the message its error body carries. */
export interface MockError {
  status: number;
  message: string | string[];
}

/**
 * The wire details of a JSON-over-HTTP auth API: the mock serves any of them,
 * and the app's adapter reaches each through its settings alone. Each style's
 * `protocol.ts` holds the one the built-in mock speaks.
 */
export interface HttpMockProtocol {
  paths: { login: string; refresh: string; me: string; logout: string; items: string };
  /** Field names of the login request. */
  loginFields: { username: string; password: string };
  /** Field names of the login and refresh answers; no `expiresIn`: the lifetime is in the JWT only. */
  tokenFields: { accessToken: string; refreshToken: string; expiresIn?: string | undefined };
  /** Where the refresh request may carry the refresh token. */
  refreshToken: { bodyField?: string | undefined; bearer: boolean };
  /** Opaque random tokens instead of JWTs (then only `expiresIn` tells the lifetime). */
  opaqueTokens: boolean;
  /** The claims an access token carries besides `sub`, `jti`, `iat` and `exp`. */
  accessClaims(user: MockUser): Record<string, unknown>;
  /** The error body for a status and message. */
  error(failure: MockError): Record<string, unknown>;
  /** A login body refused before the credentials are looked at (e.g. a validation pipe). */
  invalidLogin(body: Record<string, unknown>): MockError | undefined;
  /** The answer to a wrong username or password. */
  badCredentials: MockError;
  /** The answer to a refused access token. */
  accessRefused(reason: Refusal): MockError;
  /** The answer to a refused refresh token. */
  refreshRefused(reason: Refusal): MockError;
  /** The `me` answer: the user, or what the access token says about them. */
  me(user: MockUser, accessClaims: Record<string, unknown>): Record<string, unknown>;
  /** Extra login-answer fields besides the tokens. */
  loginExtras(user: MockUser): Record<string, unknown>;
  /** The logout answer's body, if any. */
  logoutBody: unknown;
  /** The demo resource's body. */
  items: unknown;
  /** The message of a 404 for a route the API does not have. */
  notFound(method: string, path: string): string;
}
