// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { z } from "zod";
import type { BackendConfig, HttpStyle } from "./http-style";

/**
 * The shapes the login, refresh and `me` answers have. Field names come from
 * the configuration, so the schemas are built from it.
 */

const token = z.string().min(1);
const id = z.union([z.string().min(1), z.number().int()]).transform(String);
/** Seconds; some backends send the number as a string. */
const seconds = z.union([
  z.number().positive(),
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().positive()),
]);

/** The login or refresh answer → the pair and, when the backend says, the access token's lifetime. */
export function tokenPairSchema(fields: BackendConfig["tokens"]) {
  const { accessToken, refreshToken, expiresIn } = fields;
  return z
    .object({
      [accessToken]: token,
      [refreshToken]: token,
      ...(expiresIn && { [expiresIn]: seconds.optional() }),
    })
    .transform((body) => ({
      accessToken: body[accessToken] as string,
      refreshToken: body[refreshToken] as string,
      expiresInSeconds: expiresIn ? (body[expiresIn] as number | undefined) : undefined,
    }));
}

/** The `me` answer → the user the UI shows, with the roles the style reads. */
export function userSchema(fields: BackendConfig["user"], roles: HttpStyle["roles"]) {
  return z
    .object({
      [fields.id]: id,
      [fields.name]: z.string().min(1),
      [fields.email]: z
        .string()
        .nullish()
        .transform((email) => email ?? undefined),
      [fields.roles]: roles,
    })
    .transform((body) => ({
      id: body[fields.id] as string,
      name: body[fields.name] as string,
      email: body[fields.email] as string | undefined,
      roles: body[fields.roles] as string[],
    }));
}
