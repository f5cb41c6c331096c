// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { BackendConfig } from "@/lib/backend/config";
import { BackendError } from "./errors";
import { backendRequest, backendUrl, type BackendResponse, type HttpOptions } from "./http";
import { oauthErrorSchema, tokenResponseSchema, type OAuthErrorBody } from "./schemas";
import type { TokenSet } from "./types";

export type TokenGrant =
  | { grant_type: "password"; username: string; password: string }
  | { grant_type: "refresh_token"; refresh_token: string };

/**
 * `POST /oauth/token` for the password and refresh grants. The client id and
 * secret always go in the form body: simple_oauth 6.x reads `client_id` from
 * the body and answers `invalid_request` when only HTTP Basic carries it.
 */
export async function requestTokens(
  config: BackendConfig,
  grant: TokenGrant,
  http: HttpOptions,
): Promise<TokenSet> {
  const form = new URLSearchParams({
    ...grant,
    client_id: config.clientId,
    client_secret: config.clientSecret,
  });
  // On refresh Drupal keeps the original scopes when none are asked for.
  if (grant.grant_type === "password" && config.scope) form.set("scope", config.scope);

  const response = await backendRequest(
    backendUrl(config.baseUrl, "/oauth/token"),
    {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: form.toString(),
    },
    http,
  );
  if (response.status !== 200) throw tokenError(grant.grant_type, response);

  const parsed = tokenResponseSchema.safeParse(response.body);
  if (!parsed.success) {
    throw new BackendError("bad_response", "the token endpoint answered an unexpected shape", 200);
  }
  const { access_token, refresh_token, expires_in } = parsed.data;
  if (refresh_token === undefined) {
    throw new BackendError(
      "misconfigured",
      `Drupal issued no refresh token: enable the refresh_token grant on consumer "${config.clientId}"`,
      200,
    );
  }
  return {
    accessToken: access_token,
    refreshToken: refresh_token,
    accessTokenExpiresAt: Date.now() + expires_in * 1000,
    // Drupal does not say when the refresh token expires.
    refreshTokenExpiresAt: undefined,
  };
}

/** Map a failed token response onto the app's error codes. */
export function tokenError(
  grant: TokenGrant["grant_type"],
  response: BackendResponse,
): BackendError {
  const { status } = response;
  const parsed = oauthErrorSchema.safeParse(response.body);
  if (!parsed.success) {
    if (status === 404 || status === 405) {
      return new BackendError(
        "misconfigured",
        `POST /oauth/token answered ${status}: is simple_oauth enabled and BACKEND_URL right?`,
        status,
      );
    }
    if (status === 429)
      return new BackendError("throttled", "the token endpoint is rate limited", status);
    return new BackendError(
      "bad_response",
      `the token endpoint answered ${status} without an OAuth error`,
      status,
    );
  }
  const body = parsed.data;
  const detail = describe(body);
  switch (body.error) {
    case "invalid_grant":
    // simple_oauth 5.x before 5.2 (league/oauth2-server 7/8): 401 invalid_credentials.
    case "invalid_credentials":
      // Wrong password and unknown user read the same, so nobody can probe for accounts.
      return grant === "password"
        ? new BackendError("invalid_credentials", "the user credentials were incorrect", status)
        : new BackendError("refresh_rejected", detail, status);
    case "flood_user_blocked":
    case "flood_ip_blocked":
      return new BackendError("throttled", `${body.error}: ${detail}`, status);
    case "invalid_request":
      // league/oauth2-server 7/8 answered a dead refresh token with 401 invalid_request.
      if (grant === "refresh_token" && status === 401) {
        return new BackendError("refresh_rejected", detail, status);
      }
      return misconfigured(body, detail, status);
    case "invalid_client":
    case "unauthorized_client":
    case "unsupported_grant_type":
    case "invalid_scope":
      return misconfigured(body, detail, status);
    default:
      if (status === 429) return new BackendError("throttled", detail, status);
      return new BackendError(
        "bad_response",
        `unexpected OAuth error ${body.error}: ${detail}`,
        status,
      );
  }
}

function misconfigured(body: OAuthErrorBody, detail: string, status: number): BackendError {
  return new BackendError(
    "misconfigured",
    `Drupal refused the client (${body.error}): ${detail}. Check DRUPAL_CLIENT_ID, DRUPAL_CLIENT_SECRET, DRUPAL_SCOPE and the consumer's grants`,
    status,
  );
}

function describe(body: OAuthErrorBody): string {
  const description = body.error_description ?? body.message ?? body.error;
  return body.hint ? `${description} (${body.hint})` : description;
}
