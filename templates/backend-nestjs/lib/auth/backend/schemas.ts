import { z } from "zod";
import { nestRolesSchema } from "./roles";

/**
 * The shapes a NestJS backend answers with. Field names of the token pair and
 * the profile come from the configuration, so the schemas are built from it.
 */

/** NestJS's `HttpException` body; `message` is an array for ValidationPipe errors. */
export const nestErrorSchema = z.object({
  statusCode: z.number().int(),
  message: z.union([z.string(), z.array(z.string())]),
  error: z.string().optional(),
});

const token = z.string().min(1);
const id = z.union([z.string().min(1), z.number().int()]).transform(String);

/** `{access_token, refresh_token}` (or the configured names) → the pair. */
export function tokenPairSchema(fields: { accessToken: string; refreshToken: string }) {
  return z
    .object({ [fields.accessToken]: token, [fields.refreshToken]: token })
    .transform((body) => ({
      accessToken: body[fields.accessToken] as string,
      refreshToken: body[fields.refreshToken] as string,
    }));
}

/** The profile (`{sub, username, iat, exp}` in the recipe) → the user the UI shows. */
export function profileSchema(fields: {
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
      [fields.userRoles]: nestRolesSchema,
    })
    .transform((body) => ({
      id: body[fields.userId] as string,
      name: body[fields.userName] as string,
      email: body[fields.userEmail] as string | undefined,
      roles: body[fields.userRoles] as string[],
    }));
}

const itemSchema = z.object({ id, title: z.string() });

/** The demo resource: a plain array, or an envelope with the array under `items`. */
export const itemsSchema = z.union([
  z.array(itemSchema),
  z.object({ items: z.array(itemSchema) }).transform((body) => body.items),
]);
