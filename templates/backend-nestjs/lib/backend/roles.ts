import { z } from "zod";

/**
 * The user's roles in the NestJS profile, under the field `NEST_USER_ROLES_FIELD`
 * names: NestJS's authorization recipe puts `roles: Role[]` on `request.user`
 * (an enum of strings), which the profile returns when the app signs it into
 * the access token. A missing or null field is no roles; anything other than a
 * list of strings is refused, as a misconfiguration rather than a user without roles.
 */
export const nestRolesSchema = z
  .array(z.string().min(1))
  .nullish()
  .transform((roles): string[] => roles ?? []);
