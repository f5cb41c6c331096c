import type { MockResponse } from "../kit/http";

/**
 * league/oauth2-server 9.x error responses as simple_oauth 6.x sends them:
 * `{"error","error_description","hint"?}` (no 8.x `message` copy).
 */
export function oauthError(
  status: number,
  error: string,
  description: string,
  hint?: string,
  headers: Record<string, string> = {},
): MockResponse {
  return {
    status,
    headers: { "Content-Type": "application/json", ...headers },
    body:
      hint === undefined
        ? { error, error_description: description }
        : { error, error_description: description, hint },
  };
}

/** The refresh-token hints league/oauth2-server gives, by the kit's failure reason. */
export const REFRESH_HINTS = {
  invalid: "Cannot decrypt the refresh token",
  expired: "Token has expired",
  revoked: "Token has been revoked",
} as const;

export const invalidRequest = (parameter: string): MockResponse =>
  oauthError(
    400,
    "invalid_request",
    "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.",
    `Check the \`${parameter}\` parameter`,
  );

/** league adds a Basic challenge when the client tried HTTP Basic. */
export const invalidClient = (triedBasic: boolean): MockResponse =>
  oauthError(
    401,
    "invalid_client",
    "Client authentication failed",
    undefined,
    triedBasic ? { "WWW-Authenticate": 'Basic realm="OAuth"' } : {},
  );

export const invalidCredentials = (): MockResponse =>
  oauthError(400, "invalid_grant", "The user credentials were incorrect.");

export const invalidRefreshToken = (reason: keyof typeof REFRESH_HINTS): MockResponse =>
  oauthError(400, "invalid_grant", "The refresh token is invalid.", REFRESH_HINTS[reason]);

export const unsupportedGrantType = (): MockResponse =>
  oauthError(
    400,
    "unsupported_grant_type",
    "The authorization grant type is not supported by the authorization server.",
    "Check that all required parameters have been provided",
  );

export const invalidScope = (scope: string): MockResponse =>
  oauthError(
    400,
    "invalid_scope",
    "The requested scope is invalid, unknown, or malformed",
    `Check the \`${scope}\` scope`,
  );

export const floodUserBlocked = (limit: number): MockResponse =>
  oauthError(
    403,
    "flood_user_blocked",
    `There have been more than ${limit} failed login attempts for this account. It is temporarily blocked. Try again later or request a new password.`,
  );

export const floodIpBlocked = (): MockResponse =>
  oauthError(
    403,
    "flood_ip_blocked",
    "Too many failed login attempts from your IP address. This IP address is temporarily blocked. Try again later or request a new password.",
  );
