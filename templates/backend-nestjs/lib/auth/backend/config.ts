import "server-only";
import { z } from "zod";

const path = (fallback: string) => z.string().trim().min(1).default(fallback);
const field = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z_$][\w$]*$/, "must be a JSON field name")
    .default(fallback);

/** Words that switch the backend logout off (an empty value would fall back to the default). */
const NO_LOGOUT = new Set(["", "none", "-"]);

/**
 * The NestJS style's own environment variables. The defaults follow the NestJS
 * authentication recipe plus the common refresh-token recipe, which is also
 * what the built-in mock speaks.
 */
export const backendEnvSchema = z.object({
  /** `POST` JSON `{username, password}` → the token pair. */
  NEST_LOGIN_PATH: path("/auth/login"),
  /** `POST` with the refresh token as `Authorization: Bearer` → a new pair. */
  NEST_REFRESH_PATH: path("/auth/refresh"),
  /** `GET` with the access token → the signed-in user (`{sub, username, …}`). */
  NEST_PROFILE_PATH: path("/auth/profile"),
  /** `POST` with the access token ends the session at the backend; `none` skips it. */
  NEST_LOGOUT_PATH: z.string().trim().default("/auth/logout"),
  /** Token field names in the login and refresh answers (`accessToken` for camelCase apps). */
  NEST_ACCESS_TOKEN_FIELD: field("access_token"),
  NEST_REFRESH_TOKEN_FIELD: field("refresh_token"),
  /** Profile field names: the user's id, display name and (optional) e-mail address. */
  NEST_USER_ID_FIELD: field("sub"),
  NEST_USER_NAME_FIELD: field("username"),
  NEST_USER_EMAIL_FIELD: field("email"),
  /** The user's roles in the profile: a list of strings (the authorization recipe's `roles`). */
  NEST_USER_ROLES_FIELD: field("roles"),
  /** The demo resource the dashboard lists, relative to the backend URL. */
  NEST_DEMO_RESOURCE_PATH: path("api/items"),
});

export type NestEnv = z.infer<typeof backendEnvSchema>;

/** Everything the NestJS adapter needs, validated and normalised. */
export interface BackendConfig {
  /** The backend's base URL without a trailing slash. */
  backendUrl: string;
  timeoutMs: number;
  paths: {
    login: string;
    refresh: string;
    profile: string;
    /** `undefined`: the backend has no logout endpoint. */
    logout: string | undefined;
  };
  fields: {
    accessToken: string;
    refreshToken: string;
    userId: string;
    userName: string;
    userEmail: string;
    userRoles: string;
  };
  /** No leading slash, like the proxy's prefixes. */
  demoResourcePath: string;
}

/** Combine the common backend settings with the NestJS variables. */
export function toBackendConfig(
  common: { backendUrl: string; timeoutMs: number },
  env: NestEnv,
): BackendConfig {
  const logout = env.NEST_LOGOUT_PATH.trim();
  return {
    backendUrl: common.backendUrl.replace(/\/+$/, ""),
    timeoutMs: common.timeoutMs,
    paths: {
      login: env.NEST_LOGIN_PATH,
      refresh: env.NEST_REFRESH_PATH,
      profile: env.NEST_PROFILE_PATH,
      logout: NO_LOGOUT.has(logout.toLowerCase()) ? undefined : logout,
    },
    fields: {
      accessToken: env.NEST_ACCESS_TOKEN_FIELD,
      refreshToken: env.NEST_REFRESH_TOKEN_FIELD,
      userId: env.NEST_USER_ID_FIELD,
      userName: env.NEST_USER_NAME_FIELD,
      userEmail: env.NEST_USER_EMAIL_FIELD,
      userRoles: env.NEST_USER_ROLES_FIELD,
    },
    demoResourcePath: env.NEST_DEMO_RESOURCE_PATH.replace(/^\/+/, ""),
  };
}
