import type { Account } from "../site.js";
import { HttpError } from "./errors.js";

/**
 * simple_oauth's OpenID Connect `GET|POST /oauth/userinfo`: the claims of
 * the token's user (UserClaimsNormalizer with the default claim list), plus
 * `roles`: the site adds it with `hook_simple_oauth_oidc_claims_alter` and
 * lists it in `simple_oauth.openid.claims`, as the generated app's README
 * describes. The route is for signed-in users only.
 */
export function userinfo(origin: string, account: Account | undefined): Record<string, unknown> {
  if (!account) {
    throw new HttpError(403, "This route can only be accessed by authenticated users.");
  }
  return {
    sub: String(account.uid),
    name: account.displayName,
    preferred_username: account.name,
    email: account.mail,
    email_verified: true,
    locale: account.langcode,
    profile: `${origin}/user/${account.uid}`,
    updated_at: account.changed,
    zoneinfo: account.timezone,
    roles: ["authenticated", ...account.roles],
  };
}
