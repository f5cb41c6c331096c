import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Site } from "../context.js";
import { basicCredentials, clientIp, mediaType, readBody, send } from "../http.js";
import {
  findConsumer,
  requestedClientId,
  validateClientSecret,
  type ClientCredentials,
} from "./client-auth.js";
import { OAuthError, unsupportedGrantType } from "./errors.js";
import { passwordGrant, refreshTokenGrant, type Form, type RefreshObservation } from "./grants.js";

/** The grants this site has plugins for (simple_oauth + simple_oauth_password_grant). */
const GRANT_PLUGINS = ["password", "refresh_token"];

/**
 * The form body. PHP fills the parsed body only for form content types, so
 * anything else (JSON included) arrives as an empty form; a repeated
 * parameter keeps its last value, as PHP's parser does.
 */
function parseForm(contentType: string, raw: string): Form {
  const form: Record<string, string> = {};
  if (contentType !== "application/x-www-form-urlencoded") return form;
  for (const [name, value] of new URLSearchParams(raw)) form[name] = value;
  return form;
}

/**
 * `POST /oauth/token`. The checks run in the order simple_oauth does them:
 *
 * - 6.x: client_id in the body (else invalid_request), a known consumer
 *   (else invalid_client), a grant enabled on it (else
 *   unsupported_grant_type), then the grant, which checks the secret first.
 * - 5.x: the grant type first, then league's client check, where the client
 *   id and secret may come from HTTP Basic.
 *
 * Requests for the same refresh token are serialised by a lock.
 */
export async function handleTokenRequest(
  site: Site,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const form = parseForm(mediaType(request), await readBody(request));
  const grantType = form.grant_type ?? "";
  const credentials: ClientCredentials = {
    bodyId: form.client_id,
    bodySecret: form.client_secret,
    basic: basicCredentials(request),
    authorization: request.headers.authorization,
  };
  const observation: RefreshObservation = { reused: false };

  const run = async () => {
    if (site.version === 5 && !GRANT_PLUGINS.includes(grantType)) throw unsupportedGrantType();
    const clientId = requestedClientId(credentials, site.version);
    const consumer = findConsumer(clientId, credentials);
    if (!GRANT_PLUGINS.includes(grantType) || !consumer.grantTypes.includes(grantType)) {
      throw unsupportedGrantType();
    }
    validateClientSecret(consumer, credentials);
    return grantType === "password"
      ? passwordGrant(site, consumer, form, clientIp(request))
      : refreshTokenGrant(site, consumer, form, observation);
  };

  try {
    const lockKey =
      grantType === "refresh_token" && form.refresh_token
        ? createHash("sha256").update(form.refresh_token).digest("hex")
        : undefined;
    const tokens = lockKey ? await site.lock.run(lockKey, run) : await run();
    if (grantType === "password") site.stats.logins++;
    else site.stats.refreshes++;
    send(
      response,
      200,
      {
        Pragma: "no-cache",
        "Cache-Control": "no-store",
        "Content-Type": "application/json; charset=UTF-8",
      },
      tokens,
    );
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    if (grantType === "password") site.stats.failedLogins++;
    if (grantType === "refresh_token") {
      site.stats.rejectedRefreshes++;
      if (observation.reused) site.stats.reusedRefreshes++;
    }
    send(
      response,
      error.status,
      { "Content-Type": "application/json", ...error.headers },
      error.body(site.version),
    );
  }
}
