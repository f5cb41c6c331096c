import "server-only";
import { z } from "zod";
import type { BackendConfig, HttpStyle } from "@/lib/next-jwt-auth/backend/http-style";
import { logoutPath } from "@/lib/next-jwt-auth/backend/http-style";
import { fieldSetting, logoutSetting, pathSetting } from "@/lib/next-jwt-auth/backend/settings";
import { nestRolesSchema } from "./roles";

export type { BackendConfig } from "@/lib/next-jwt-auth/backend/http-style";

/**
 * The NestJS style's own environment variables. The defaults follow the NestJS
 * authentication recipe plus the common refresh-token recipe, which is also
 * what the built-in mock speaks.
 */
export const backendEnvSchema = z.object({
  /** `POST` JSON `{username, password}` → the token pair. */
  NEST_LOGIN_PATH: pathSetting("/auth/login"),
  /** `POST` with the refresh token as `Authorization: Bearer` → a new pair. */
  NEST_REFRESH_PATH: pathSetting("/auth/refresh"),
  /** `GET` with the access token → the signed-in user (`{sub, username, …}`). */
  NEST_PROFILE_PATH: pathSetting("/auth/profile"),
  /** `POST` with the access token ends the session at the backend; `none` skips it. */
  NEST_LOGOUT_PATH: logoutSetting("/auth/logout"),
  /** Token field names in the login and refresh answers (`accessToken` for camelCase apps). */
  NEST_ACCESS_TOKEN_FIELD: fieldSetting("access_token"),
  NEST_REFRESH_TOKEN_FIELD: fieldSetting("refresh_token"),
  /** Profile field names: the user's id, display name and (optional) e-mail address. */
  NEST_USER_ID_FIELD: fieldSetting("sub"),
  NEST_USER_NAME_FIELD: fieldSetting("username"),
  NEST_USER_EMAIL_FIELD: fieldSetting("email"),
  /** The user's roles in the profile: a list of strings (the authorization recipe's `roles`). */
  NEST_USER_ROLES_FIELD: fieldSetting("roles"),
});

export type NestEnv = z.infer<typeof backendEnvSchema>;

/** NestJS's `HttpException` body; `message` is an array for ValidationPipe errors. */
const errorBodySchema = z.object({
  statusCode: z.number().int(),
  message: z.union([z.string(), z.array(z.string())]),
  error: z.string().optional(),
});

/** How a NestJS backend words its errors and what its refusals mean. */
export const NEST_STYLE: HttpStyle = {
  pathSettings: "NEST_*_PATH",
  errorMessage: (body) => {
    const parsed = errorBodySchema.safeParse(body);
    if (!parsed.success) return undefined;
    const { message } = parsed.data;
    return Array.isArray(message) ? message.join("; ") : message;
  },
  refusals: {
    login: {
      // The passport-local guard throws a bare 401, the recipe's service "Invalid credentials".
      401: "invalid_credentials",
      // ValidationPipe refuses a body it does not like (an empty field, a length rule) with 400
      // and a list of messages. The body holds nothing but the credentials, so this is a refused
      // login too, and the user gets the one message every refused login gets instead of a hint
      // about the backend's rules.
      400: "invalid_credentials",
    },
    // 401: the refresh guard refused the JWT (bad signature, expired). 403 "Access Denied": it
    // does not match the stored hash (rotated out, logged out). Both end the session.
    refresh: { 401: "refresh_rejected", 403: "refresh_rejected" },
    me: { 401: "unauthorized" },
    logout: { 401: "unauthorized" },
  },
  // A 400 that is not NestJS's own error body did not come from the app's ValidationPipe.
  ownBodyOnly: [400],
  roles: nestRolesSchema,
};

/** Combine the common backend settings with the NestJS variables. */
export function toBackendConfig(
  common: { backendUrl: string; timeoutMs: number },
  env: NestEnv,
): BackendConfig {
  return {
    backendUrl: common.backendUrl.replace(/\/+$/, ""),
    timeoutMs: common.timeoutMs,
    paths: {
      login: env.NEST_LOGIN_PATH,
      refresh: env.NEST_REFRESH_PATH,
      me: env.NEST_PROFILE_PATH,
      logout: logoutPath(env.NEST_LOGOUT_PATH),
    },
    credentials: { username: "username", password: "password" },
    // The recipe sends no lifetime: the access token's `exp` claim tells it.
    tokens: {
      accessToken: env.NEST_ACCESS_TOKEN_FIELD,
      refreshToken: env.NEST_REFRESH_TOKEN_FIELD,
      expiresIn: undefined,
    },
    // Where the signed-in user's id, display name, e-mail and roles are in the profile answer.
    user: {
      id: env.NEST_USER_ID_FIELD,
      name: env.NEST_USER_NAME_FIELD,
      email: env.NEST_USER_EMAIL_FIELD,
      roles: env.NEST_USER_ROLES_FIELD,
    },
    // The passport-jwt `jwt-refresh` strategy reads it from `Authorization: Bearer`.
    refreshToken: { in: "bearer" },
    style: NEST_STYLE,
  };
}
