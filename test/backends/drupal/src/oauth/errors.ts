import type { SimpleOauthVersion } from "../config.js";

/**
 * league/oauth2-server's OAuthServerException: the errors the token endpoint
 * answers and the resource server raises. Messages, statuses and hints are
 * the library's own (8.x for simple_oauth 5.2+, 9.x for 6.x).
 */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status: number,
    readonly hint?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = "OAuthError";
  }

  /**
   * The JSON body. league 8.x (simple_oauth 5.x) copies `error_description`
   * into a deprecated `message`, after `hint`; 9.x (6.x) does not.
   */
  body(version: SimpleOauthVersion): Record<string, string> {
    const payload: Record<string, string> = {
      error: this.error,
      error_description: this.description,
    };
    if (this.hint !== undefined && this.hint !== "") payload.hint = this.hint;
    if (version === 5) payload.message = this.description;
    return payload;
  }
}

export const invalidRequest = (parameter: string): OAuthError =>
  new OAuthError(
    "invalid_request",
    "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.",
    400,
    `Check the \`${parameter}\` parameter`,
  );

/**
 * Unknown client or bad secret. When the request carried an `Authorization`
 * header the library adds a challenge for the scheme it used.
 */
export const invalidClient = (authorizationHeader: string | undefined): OAuthError =>
  new OAuthError(
    "invalid_client",
    "Client authentication failed",
    401,
    undefined,
    authorizationHeader
      ? {
          "WWW-Authenticate": `${authorizationHeader.startsWith("Bearer") ? "Bearer" : "Basic"} realm="OAuth"`,
        }
      : {},
  );

export const unsupportedGrantType = (): OAuthError =>
  new OAuthError(
    "unsupported_grant_type",
    "The authorization grant type is not supported by the authorization server.",
    400,
    "Check that all required parameters have been provided",
  );

export const invalidScope = (scope: string): OAuthError =>
  new OAuthError(
    "invalid_scope",
    "The requested scope is invalid, unknown, or malformed",
    400,
    `Check the \`${scope}\` scope(s)`,
  );

/** Wrong username or password (league 8.0+: invalid_grant 400). */
export const invalidCredentials = (): OAuthError =>
  new OAuthError("invalid_grant", "The user credentials were incorrect.", 400);

/** A refresh token that cannot be used; the hint says why. */
export const invalidRefreshToken = (hint: RefreshTokenHint): OAuthError =>
  new OAuthError("invalid_grant", "The refresh token is invalid.", 400, hint);

export type RefreshTokenHint =
  | "Cannot decrypt the refresh token"
  | "Token is not linked to client"
  | "Token has expired"
  | "Token has been revoked";

/** The resource server refusing a bearer token; the hint says why. */
export const accessDenied = (hint: string): OAuthError =>
  new OAuthError(
    "access_denied",
    "The resource owner or authorization server denied the request.",
    401,
    hint,
  );

/**
 * Flood control (the user module's `user.flood` defaults), as
 * simple_oauth_password_grant raises it before checking the password.
 */
export const floodUserBlocked = (limit: number): OAuthError =>
  new OAuthError(
    "flood_user_blocked",
    `There have been more than ${limit} failed login attempts for this account. It is temporarily blocked. Try again later or request a new password.`,
    403,
  );

export const floodIpBlocked = (): OAuthError =>
  new OAuthError(
    "flood_ip_blocked",
    "Too many failed login attempts from your IP address. This IP address is temporarily blocked. Try again later or request a new password.",
    403,
  );
