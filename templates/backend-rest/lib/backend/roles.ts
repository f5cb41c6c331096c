import { z } from "zod";

/**
 * The user's roles in a REST `me` answer, under the field `REST_USER_ROLES_FIELD`
 * names: one role as a string (DummyJSON's `role: "admin"`) or a list of them
 * (`roles: ["admin", "editor"]`). A missing or null field is no roles. Anything
 * else is refused: a field that holds something else is a misconfiguration,
 * not a user without roles.
 */
export const restRolesSchema = z
  .union([z.string().min(1), z.array(z.string().min(1))])
  .nullish()
  .transform((value): string[] =>
    value == null ? [] : typeof value === "string" ? [value] : value,
  );
