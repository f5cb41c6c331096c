// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { z } from "zod";

/**
 * The user's Drupal role machine names. Stock Drupal gives an ordinary user no
 * way to read their own roles, so they come from one of two places the site
 * opts into (README, "Roles"):
 *
 * - `/oauth/userinfo`: a `roles` claim, added with
 *   `hook_simple_oauth_oidc_claims_alter` and listed in the
 *   `simple_oauth.openid.claims` container parameter;
 * - JSON:API: the user's `roles` relationship, when the user may view the
 *   `roles` field (core: `administer users` or `administer permissions`).
 *
 * Neither present is no roles. `authenticated` is kept as Drupal names it.
 */

/** The userinfo `roles` claim: a list of role machine names. */
export const userinfoRolesSchema = z
  .array(z.string().min(1))
  .nullish()
  .transform((roles): string[] => roles ?? []);

/** The JSON:API `roles` relationship: `user_role--user_role` identifiers with the machine name in `meta`. */
export const jsonApiRolesSchema = z
  .object({
    data: z.array(
      z.object({
        type: z.literal("user_role--user_role"),
        meta: z.object({ drupal_internal__target_id: z.string().min(1) }),
      }),
    ),
  })
  .nullish()
  .transform((relationship): string[] =>
    (relationship?.data ?? []).map((role) => role.meta.drupal_internal__target_id),
  );
