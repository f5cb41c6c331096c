import "server-only";
import { z } from "zod";
import type { BackendConfig, HttpStyle } from "@/lib/next-jwt-auth/backend/http-style";
import { logoutPath } from "@/lib/next-jwt-auth/backend/http-style";
import { fieldSetting, logoutSetting, pathSetting } from "@/lib/next-jwt-auth/backend/settings";
import { restRolesSchema } from "./roles";

export type { BackendConfig } from "@/lib/next-jwt-auth/backend/http-style";

/**
 * The generic REST style's own environment variables. The defaults are
 * DummyJSON's auth API, the most common shape, which the built-in mock speaks;
 * every path and field name can be changed to fit another backend.
 */
export const backendEnvSchema = z.object({
  /** `POST` JSON credentials → the tokens (and usually the user). */
  REST_LOGIN_PATH: pathSetting("/auth/login"),
  /** `POST` the refresh token → a new pair. */
  REST_REFRESH_PATH: pathSetting("/auth/refresh"),
  /** `GET` with the access token → the signed-in user. */
  REST_ME_PATH: pathSetting("/auth/me"),
  /** `POST` with the access token ends the session at the backend; `none` skips it. */
  REST_LOGOUT_PATH: logoutSetting("/auth/logout"),
  /** Field names of the login request body. */
  REST_USERNAME_FIELD: fieldSetting("username"),
  REST_PASSWORD_FIELD: fieldSetting("password"),
  /** Field names in the login and refresh answers. */
  REST_ACCESS_TOKEN_FIELD: fieldSetting("accessToken"),
  REST_REFRESH_TOKEN_FIELD: fieldSetting("refreshToken"),
  /** Access-token lifetime in seconds; when the answer lacks it, the token's `exp` claim is used. */
  REST_EXPIRES_IN_FIELD: fieldSetting("expiresIn"),
  /** Where the refresh call carries the refresh token: a JSON body field, or `Authorization: Bearer`. */
  REST_REFRESH_TOKEN_IN: z.enum(["body", "bearer"]).default("body"),
  /** The body field for `REST_REFRESH_TOKEN_IN=body`. */
  REST_REFRESH_BODY_FIELD: fieldSetting("refreshToken"),
  /** Field names of the user in the `me` answer: id, display name, e-mail (optional). */
  REST_USER_ID_FIELD: fieldSetting("id"),
  REST_USER_NAME_FIELD: fieldSetting("username"),
  REST_USER_EMAIL_FIELD: fieldSetting("email"),
  /** The user's roles in the `me` answer: one string (DummyJSON's `role`) or a list; see `roles.ts`. */
  REST_USER_ROLES_FIELD: fieldSetting("role"),
});

export type RestEnv = z.infer<typeof backendEnvSchema>;

/** DummyJSON's `{message}`; many other APIs say `{error}` instead, or both. */
const errorBodySchema = z
  .object({ message: z.string().optional(), error: z.string().optional() })
  .transform((body) => body.message ?? body.error)
  .pipe(z.string());

/** How a generic REST backend words its errors and what its refusals mean. */
export const REST_STYLE: HttpStyle = {
  pathSettings: "REST_*_PATH",
  errorMessage: (body) => {
    const parsed = errorBodySchema.safeParse(body);
    return parsed.success ? parsed.data : undefined;
  },
  refusals: {
    // DummyJSON answers a wrong login with 400, many other APIs with 401.
    login: { 400: "invalid_credentials", 401: "invalid_credentials" },
    // 401 (token missing or expired) and 403 (invalid or revoked) both mean: sign in again.
    refresh: { 401: "refresh_rejected", 403: "refresh_rejected" },
    // "Token Expired!" and a missing or invalid token alike.
    me: { 401: "unauthorized" },
    logout: { 401: "unauthorized" },
  },
  ownBodyOnly: [],
  roles: restRolesSchema,
};

/** Combine the common backend settings with the REST variables. */
export function toBackendConfig(
  common: { backendUrl: string; timeoutMs: number },
  env: RestEnv,
): BackendConfig {
  return {
    backendUrl: common.backendUrl.replace(/\/+$/, ""),
    timeoutMs: common.timeoutMs,
    paths: {
      login: env.REST_LOGIN_PATH,
      refresh: env.REST_REFRESH_PATH,
      me: env.REST_ME_PATH,
      logout: logoutPath(env.REST_LOGOUT_PATH),
    },
    credentials: { username: env.REST_USERNAME_FIELD, password: env.REST_PASSWORD_FIELD },
    tokens: {
      accessToken: env.REST_ACCESS_TOKEN_FIELD,
      refreshToken: env.REST_REFRESH_TOKEN_FIELD,
      expiresIn: env.REST_EXPIRES_IN_FIELD,
    },
    // Where the signed-in user's id, display name, e-mail and roles are in the `me` answer.
    user: {
      id: env.REST_USER_ID_FIELD,
      name: env.REST_USER_NAME_FIELD,
      email: env.REST_USER_EMAIL_FIELD,
      roles: env.REST_USER_ROLES_FIELD,
    },
    refreshToken:
      env.REST_REFRESH_TOKEN_IN === "bearer"
        ? { in: "bearer" }
        : { in: "body", field: env.REST_REFRESH_BODY_FIELD },
    style: REST_STYLE,
  };
}
