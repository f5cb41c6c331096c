import type { IncomingMessage } from "node:http";
import type { Site } from "../context.js";
import { validateBearerToken } from "../oauth/access-token.js";
import { OAuthError } from "../oauth/errors.js";
import { accountByUid, type Account } from "../site.js";
import { HttpError } from "./errors.js";

/**
 * SimpleOauthAuthenticationProvider: it applies to requests whose
 * `Authorization` header is a Bearer token; others stay anonymous. A token
 * that fails validation is refused outright (401, whatever the route), with
 * the challenge `Bearer realm="OAuth", error="access_denied",
 * error_description="<hint>"` and the library's message as the detail.
 */
export async function authenticate(
  site: Site,
  request: IncomingMessage,
): Promise<Account | undefined> {
  const header = request.headers.authorization;
  if (header === undefined || !/^\s*Bearer /.test(header)) return undefined;
  const jwt = header.replace(/^\s*Bearer\s/, "").trim();
  try {
    const record = await validateBearerToken(site.keys, site.tokens, jwt, site.clock.now());
    const account = accountByUid(record.uid);
    if (account?.active) return account;
    throw new OAuthError(
      "access_denied",
      "The resource owner or authorization server denied the request.",
      401,
      `${account?.name ?? "The account"} is blocked or has not been activated yet.`,
    );
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    throw new HttpError(401, error.message, {
      "WWW-Authenticate": `Bearer realm="OAuth", error="${error.error}", error_description="${error.hint ?? ""}"`,
    });
  }
}
