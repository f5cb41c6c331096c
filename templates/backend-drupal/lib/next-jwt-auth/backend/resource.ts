// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { z } from "zod";
import type { BackendConfig } from "@/lib/backend/config";
import { BackendError } from "./errors";
import { backendRequest, backendUrl, type BackendResponse, type HttpOptions } from "./http";
import { jsonApiErrorDocumentSchema, oauthErrorSchema } from "./schemas";

/**
 * JSON:API needs its media type in `Accept`; without it Drupal renders errors
 * in another format.
 */
export const JSON_API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  Accept: "application/vnd.api+json",
});

const JSON_HEADERS = { Accept: "application/json" };

/**
 * `GET` a Drupal path with the access token and parse the answer. A 401 (a
 * bad, expired or revoked token) becomes `unauthorized`.
 */
export async function getResource<Schema extends z.ZodType>(
  config: BackendConfig,
  path: string,
  accessToken: string,
  schema: Schema,
  http: HttpOptions,
): Promise<z.output<Schema>> {
  const isJsonApi = /^\/?jsonapi(\/|$)/.test(path);
  const response = await backendRequest(
    backendUrl(config.baseUrl, path),
    {
      method: "GET",
      headers: {
        ...(isJsonApi ? JSON_API_HEADERS : JSON_HEADERS),
        Authorization: `Bearer ${accessToken}`,
      },
    },
    http,
  );
  if (response.status !== 200) throw resourceError(path, response);
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) {
    throw new BackendError("bad_response", `GET ${path} answered an unexpected shape`, 200);
  }
  return parsed.data;
}

/** Map a failed resource response onto the app's error codes. */
export function resourceError(path: string, response: BackendResponse): BackendError {
  const { status } = response;
  const reason = errorDetail(response);
  switch (status) {
    case 401:
      return new BackendError("unauthorized", `Drupal refused the access token: ${reason}`, status);
    case 403:
      return new BackendError(
        "misconfigured",
        `GET ${path} is forbidden for this user (${reason}): check the consumer's scopes and the role's permissions`,
        status,
      );
    case 404:
    case 406:
      return new BackendError(
        "misconfigured",
        `GET ${path} answered ${status}: is the module serving it (JSON:API, simple_oauth) enabled?`,
        status,
      );
    case 429:
      return new BackendError("throttled", `GET ${path} is rate limited`, status);
    default:
      return new BackendError("bad_response", `GET ${path} answered ${status}: ${reason}`, status);
  }
}

/**
 * The best human-readable reason in a refusal: simple_oauth's
 * `WWW-Authenticate: Bearer realm="OAuth", error="access_denied", error_description="…"`,
 * a JSON:API error document, or an OAuth error body.
 */
function errorDetail(response: BackendResponse): string {
  const challenge = parseBearerChallenge(response.headers.get("www-authenticate"));
  if (challenge.error) {
    return challenge.error_description
      ? `${challenge.error}: ${challenge.error_description}`
      : challenge.error;
  }
  const document = jsonApiErrorDocumentSchema.safeParse(response.body);
  if (document.success) {
    const [first] = document.data.errors;
    return first?.detail ?? first?.title ?? `status ${first?.status ?? response.status}`;
  }
  const oauth = oauthErrorSchema.safeParse(response.body);
  if (oauth.success) return oauth.data.error_description ?? oauth.data.message ?? oauth.data.error;
  return `status ${response.status}`;
}

/** The parameters of a `Bearer` challenge (RFC 6750 §3), quoted or not. */
export function parseBearerChallenge(header: string | null): Record<string, string> {
  const params: Record<string, string> = {};
  if (!header || !/^\s*bearer\b/i.test(header)) return params;
  const pattern = /([a-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/gi;
  for (const match of header.matchAll(pattern)) {
    const [, name, quoted, bare] = match;
    if (name) params[name.toLowerCase()] = quoted?.replace(/\\(.)/g, "$1") ?? bare ?? "";
  }
  return params;
}
