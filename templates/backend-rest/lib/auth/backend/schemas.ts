import { z } from "zod";
import { restRolesSchema } from "./roles";

/**
 * The shapes a generic REST backend answers with. Field names come from the
 * configuration, so the schemas are built from it.
 */

/** DummyJSON's `{message}`; many other APIs say `{error}` instead, or both. */
export const restErrorSchema = z
  .object({ message: z.string().optional(), error: z.string().optional() })
  .transform((body) => body.message ?? body.error)
  .pipe(z.string());

const token = z.string().min(1);
const id = z.union([z.string().min(1), z.number().int()]).transform(String);
/** Seconds; some backends send the number as a string. */
const seconds = z.union([
  z.number().positive(),
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().positive()),
]);

/** The login or refresh answer → the pair and, when the backend says, the access token's lifetime. */
export function tokenPairSchema(fields: {
  accessToken: string;
  refreshToken: string;
  expiresIn: string;
}) {
  return z
    .object({
      [fields.accessToken]: token,
      [fields.refreshToken]: token,
      [fields.expiresIn]: seconds.optional(),
    })
    .transform((body) => ({
      accessToken: body[fields.accessToken] as string,
      refreshToken: body[fields.refreshToken] as string,
      expiresInSeconds: body[fields.expiresIn] as number | undefined,
    }));
}

/** The `me` answer → the user the UI shows. */
export function userSchema(fields: {
  userId: string;
  userName: string;
  userEmail: string;
  userRoles: string;
}) {
  return z
    .object({
      [fields.userId]: id,
      [fields.userName]: z.string().min(1),
      [fields.userEmail]: z
        .string()
        .nullish()
        .transform((email) => email ?? undefined),
      [fields.userRoles]: restRolesSchema,
    })
    .transform((body) => ({
      id: body[fields.userId] as string,
      name: body[fields.userName] as string,
      email: body[fields.userEmail] as string | undefined,
      roles: body[fields.userRoles] as string[],
    }));
}

const itemSchema = z.object({ id, title: z.string() });

/** The demo resource: a plain array, or a DummyJSON-style envelope with the array under `items`. */
export const itemsSchema = z.union([
  z.array(itemSchema),
  z.object({ items: z.array(itemSchema) }).transform((body) => body.items),
]);
