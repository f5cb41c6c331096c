// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { BackendConfig } from "@/lib/backend/config";
import { BackendError } from "./errors";
import type { HttpOptions } from "./http";
import { getResource } from "./resource";
import { jsonApiEntrySchema, jsonApiUserSchema, userinfoSchema } from "./schemas";
import type { BackendUser } from "./types";

/** The signed-in user from simple_oauth's OpenID Connect `GET /oauth/userinfo`. */
export async function userFromUserinfo(
  config: BackendConfig,
  accessToken: string,
  http: HttpOptions,
): Promise<BackendUser> {
  const claims = await getResource(config, "/oauth/userinfo", accessToken, userinfoSchema, http);
  return {
    id: claims.sub,
    name: claims.name ?? claims.preferred_username ?? claims.sub,
    email: claims.email,
    roles: claims.roles,
  };
}

/**
 * The signed-in user through JSON:API: `GET /jsonapi` names the current user
 * under `meta.links.me`, then `GET /jsonapi/user/user/{uuid}` (core has no
 * `/user/me`). The uuid is used rather than the link itself because the link
 * carries Drupal's public host, which need not be the `BACKEND_URL` the app
 * reaches it by.
 */
export async function userFromJsonApi(
  config: BackendConfig,
  accessToken: string,
  http: HttpOptions,
): Promise<BackendUser> {
  const entry = await getResource(config, "/jsonapi", accessToken, jsonApiEntrySchema, http);
  const me = entry.meta?.links?.me;
  const uuid = me?.meta?.id ?? me?.href.split("/").filter(Boolean).pop();
  if (!uuid) {
    // No `me` link: Drupal treated the request as anonymous.
    throw new BackendError(
      "unauthorized",
      "Drupal did not recognise the access token as a user",
      200,
    );
  }
  const { data } = await getResource(
    config,
    `/jsonapi/user/user/${encodeURIComponent(uuid)}`,
    accessToken,
    jsonApiUserSchema,
    http,
  );
  const { drupal_internal__uid: uid, display_name: displayName, name, mail } = data.attributes;
  return {
    id: uid === undefined ? data.id : String(uid),
    name: displayName ?? name ?? data.id,
    email: mail ?? undefined,
    roles: data.relationships?.roles ?? [],
  };
}
