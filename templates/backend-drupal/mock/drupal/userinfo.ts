import type { MockResponse } from "../kit/http";
import type { MockUser } from "../kit/users";

/**
 * `GET /oauth/userinfo`: simple_oauth's OpenID Connect claims for the token's
 * user, plus a `roles` claim as a site adds it with
 * `hook_simple_oauth_oidc_claims_alter` (not a stock claim).
 */
export function userinfo(user: MockUser): MockResponse {
  return {
    status: 200,
    headers: { "Content-Type": "application/json" },
    body: {
      sub: user.id,
      name: user.name,
      preferred_username: user.username,
      email: user.email,
      email_verified: true,
      locale: "en",
      zoneinfo: "UTC",
      roles: ["authenticated", ...user.roles],
    },
  };
}
