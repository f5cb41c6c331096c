// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { BackendConfig } from "@/lib/backend/config";
import { userFromJsonApi, userFromUserinfo } from "./current-user";
import { BackendError } from "./errors";
import type { HttpOptions } from "./http";
import { requestTokens } from "./token-endpoint";
import type { BackendAdapter } from "./types";

/**
 * The Drupal adapter: simple_oauth 6.x with the password grant
 * (simple_oauth_password_grant) for sign-in, rotating refresh tokens, and
 * JSON:API or OpenID Connect userinfo for the user.
 */
export function createBackendAdapter(
  config: BackendConfig,
  options: { fetch?: typeof fetch } = {},
): BackendAdapter {
  const http: HttpOptions = options.fetch
    ? { fetch: options.fetch, timeoutMs: config.timeoutMs }
    : { timeoutMs: config.timeoutMs };

  return {
    login: ({ username, password }) =>
      requestTokens(config, { grant_type: "password", username, password }, http),

    async refresh(refreshToken) {
      if (refreshToken === "") {
        throw new BackendError("refresh_rejected", "there is no refresh token to use");
      }
      return requestTokens(
        config,
        { grant_type: "refresh_token", refresh_token: refreshToken },
        http,
      );
    },

    me: (accessToken) =>
      config.userSource === "jsonapi"
        ? userFromJsonApi(config, accessToken, http)
        : userFromUserinfo(config, accessToken, http),

    /**
     * simple_oauth has no revocation endpoint by default, so signing out only
     * drops the tokens in the app: the access token stays valid at Drupal until
     * it expires (300 s by default) and the refresh token until its lifetime
     * ends, unless a module revokes them. Keep the access lifetime short.
     */
    async logout() {},
  };
}
