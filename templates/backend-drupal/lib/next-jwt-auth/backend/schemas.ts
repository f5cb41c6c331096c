// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { z } from "zod";
import { jsonApiRolesSchema, userinfoRolesSchema } from "./roles";

/**
 * Shapes of everything Drupal answers, parsed before use. Objects are not
 * strict: Drupal and its contrib modules add fields freely.
 */

/** 200 from `POST /oauth/token` (league/oauth2-server's BearerTokenResponse). */
export const tokenResponseSchema = z.object({
  token_type: z.string().refine((type) => type.toLowerCase() === "bearer", {
    message: "token_type is not Bearer",
  }),
  access_token: z.string().min(1),
  /** Missing when the consumer lacks the refresh_token grant. */
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive(),
});

/** league/oauth2-server's error body; 8.x also copies the description into `message`. */
export const oauthErrorSchema = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
  hint: z.string().optional(),
  message: z.string().optional(),
});
export type OAuthErrorBody = z.infer<typeof oauthErrorSchema>;

/** A JSON:API error document; `status` is a string there. */
export const jsonApiErrorDocumentSchema = z.object({
  errors: z
    .array(
      z.object({
        status: z.string(),
        title: z.string().optional(),
        detail: z.string().optional(),
      }),
    )
    .min(1),
});

/** `GET /oauth/userinfo`: OpenID Connect claims. */
export const userinfoSchema = z.object({
  sub: z.union([z.string().min(1), z.number()]).transform(String),
  /** The display name. */
  name: z.string().optional(),
  /** The account name. */
  preferred_username: z.string().optional(),
  email: z.string().optional(),
  /** Not a stock claim: see `roles.ts`. */
  roles: userinfoRolesSchema,
});

/** `GET /jsonapi`: only the `me` link matters, present when the request is authenticated. */
export const jsonApiEntrySchema = z.object({
  meta: z
    .object({
      links: z
        .object({
          me: z
            .object({
              href: z.string(),
              meta: z.object({ id: z.string().min(1) }).optional(),
            })
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

/** `GET /jsonapi/user/user/{uuid}`. `mail` is only visible to the user and admins. */
export const jsonApiUserSchema = z.object({
  data: z.object({
    id: z.string().min(1),
    attributes: z.object({
      display_name: z.string().optional(),
      name: z.string().optional(),
      mail: z.string().nullable().optional(),
      drupal_internal__uid: z.number().optional(),
    }),
    /** Present only when the user may view the `roles` field: see `roles.ts`. */
    relationships: z.object({ roles: jsonApiRolesSchema }).optional(),
  }),
});
