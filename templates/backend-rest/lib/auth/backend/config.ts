import "server-only";
import { z } from "zod";

const path = (fallback: string) => z.string().trim().min(1).default(fallback);
const field = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z_$][\w$]*$/, "must be a JSON field name")
    .default(fallback);

/** Words that switch the backend logout off (an empty value falls back to the default). */
const NO_LOGOUT = new Set(["", "none", "-"]);

/**
 * The generic REST style's own environment variables. The defaults are
 * DummyJSON's auth API, the most common shape, which the built-in mock speaks;
 * every path and field name can be changed to fit another backend.
 */
export const backendEnvSchema = z.object({
  /** `POST` JSON credentials → the tokens (and usually the user). */
  REST_LOGIN_PATH: path("/auth/login"),
  /** `POST` the refresh token → a new pair. */
  REST_REFRESH_PATH: path("/auth/refresh"),
  /** `GET` with the access token → the signed-in user. */
  REST_ME_PATH: path("/auth/me"),
  /** `POST` with the access token ends the session at the backend; `none` skips it. */
  REST_LOGOUT_PATH: z.string().trim().default("/auth/logout"),
  /** Field names of the login request body. */
  REST_USERNAME_FIELD: field("username"),
  REST_PASSWORD_FIELD: field("password"),
  /** Field names in the login and refresh answers. */
  REST_ACCESS_TOKEN_FIELD: field("accessToken"),
  REST_REFRESH_TOKEN_FIELD: field("refreshToken"),
  /** Access-token lifetime in seconds; when the answer lacks it, the token's `exp` claim is used. */
  REST_EXPIRES_IN_FIELD: field("expiresIn"),
  /** Where the refresh call carries the refresh token: a JSON body field, or `Authorization: Bearer`. */
  REST_REFRESH_TOKEN_IN: z.enum(["body", "bearer"]).default("body"),
  /** The body field for `REST_REFRESH_TOKEN_IN=body`. */
  REST_REFRESH_BODY_FIELD: field("refreshToken"),
  /** Field names of the user in the `me` answer: id, display name, e-mail (optional). */
  REST_USER_ID_FIELD: field("id"),
  REST_USER_NAME_FIELD: field("username"),
  REST_USER_EMAIL_FIELD: field("email"),
  /** The user's roles in the `me` answer: one string (DummyJSON's `role`) or a list. */
  REST_USER_ROLES_FIELD: field("role"),
  /** The demo resource the dashboard lists, relative to the backend URL. */
  REST_DEMO_RESOURCE_PATH: path("api/items"),
});

export type RestEnv = z.infer<typeof backendEnvSchema>;

/** Everything the REST adapter needs, validated and normalised. */
export interface BackendConfig {
  /** The backend's base URL without a trailing slash. */
  backendUrl: string;
  timeoutMs: number;
  paths: {
    login: string;
    refresh: string;
    me: string;
    /** `undefined`: the backend has no logout endpoint. */
    logout: string | undefined;
  };
  fields: {
    username: string;
    password: string;
    accessToken: string;
    refreshToken: string;
    expiresIn: string;
    userId: string;
    userName: string;
    userEmail: string;
    userRoles: string;
  };
  refreshToken: { in: "body"; field: string } | { in: "bearer" };
  /** No leading slash, like the proxy's prefixes. */
  demoResourcePath: string;
}

/** Combine the common backend settings with the REST variables. */
export function toBackendConfig(
  common: { backendUrl: string; timeoutMs: number },
  env: RestEnv,
): BackendConfig {
  const logout = env.REST_LOGOUT_PATH.trim();
  return {
    backendUrl: common.backendUrl.replace(/\/+$/, ""),
    timeoutMs: common.timeoutMs,
    paths: {
      login: env.REST_LOGIN_PATH,
      refresh: env.REST_REFRESH_PATH,
      me: env.REST_ME_PATH,
      logout: NO_LOGOUT.has(logout.toLowerCase()) ? undefined : logout,
    },
    fields: {
      username: env.REST_USERNAME_FIELD,
      password: env.REST_PASSWORD_FIELD,
      accessToken: env.REST_ACCESS_TOKEN_FIELD,
      refreshToken: env.REST_REFRESH_TOKEN_FIELD,
      expiresIn: env.REST_EXPIRES_IN_FIELD,
      userId: env.REST_USER_ID_FIELD,
      userName: env.REST_USER_NAME_FIELD,
      userEmail: env.REST_USER_EMAIL_FIELD,
      userRoles: env.REST_USER_ROLES_FIELD,
    },
    refreshToken:
      env.REST_REFRESH_TOKEN_IN === "bearer"
        ? { in: "bearer" }
        : { in: "body", field: env.REST_REFRESH_BODY_FIELD },
    demoResourcePath: env.REST_DEMO_RESOURCE_PATH.replace(/^\/+/, ""),
  };
}
