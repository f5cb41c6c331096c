import { MOCK_ITEMS, type MockUser } from "./kit/users";

/**
 * The wire details of a REST auth API: the mock serves any of these, and the
 * adapter reaches each one through environment variables alone.
 */
export interface RestProtocol {
  paths: { login: string; refresh: string; me: string; logout: string; items: string };
  /** Field names of the login request. */
  loginFields: { username: string; password: string };
  /** Field names of the login and refresh answers; no `expiresIn`: the lifetime is in the JWT only. */
  tokenFields: { accessToken: string; refreshToken: string; expiresIn: string | undefined };
  /** Body field of the refresh request. */
  refreshBodyField: string;
  /** Also take the refresh token as `Authorization: Bearer`. */
  refreshFromBearer: boolean;
  /** Status of a wrong login. */
  badCredentialsStatus: 400 | 401;
  /** Opaque random tokens instead of JWTs (then only `expiresIn` tells the lifetime). */
  opaqueTokens: boolean;
  /** The error body for a message. */
  error(message: string): Record<string, string>;
  /** The user as the `me` answer (and DummyJSON's login answer) shows it. */
  user(user: MockUser): Record<string, unknown>;
  /** Extra login-answer fields besides the tokens. */
  loginExtras(user: MockUser): Record<string, unknown>;
  /** The demo resource's body. */
  items: unknown;
}

function dummyJsonUser(user: MockUser): Record<string, unknown> {
  const [firstName = user.name, ...rest] = user.name.split(" ");
  return {
    id: Number(user.id),
    username: user.username,
    email: user.email,
    firstName,
    lastName: rest.join(" "),
    // DummyJSON's users have one role: admin, moderator or user.
    role: user.roles[0] ?? "user",
  };
}

/** DummyJSON's auth API (https://dummyjson.com/docs/auth): the REST style's defaults. */
export const DUMMYJSON: RestProtocol = {
  paths: {
    login: "/auth/login",
    refresh: "/auth/refresh",
    me: "/auth/me",
    logout: "/auth/logout",
    items: "/api/items",
  },
  loginFields: { username: "username", password: "password" },
  tokenFields: { accessToken: "accessToken", refreshToken: "refreshToken", expiresIn: undefined },
  refreshBodyField: "refreshToken",
  refreshFromBearer: false,
  badCredentialsStatus: 400,
  opaqueTokens: false,
  error: (message) => ({ message }),
  user: dummyJsonUser,
  loginExtras: dummyJsonUser,
  items: { items: MOCK_ITEMS, total: MOCK_ITEMS.length, skip: 0, limit: MOCK_ITEMS.length },
};

/**
 * A made-up API that differs from DummyJSON wherever the adapter can be
 * configured: paths, snake_case fields, roles as a `groups` list, `expires_in` with opaque tokens, the
 * refresh token under another name (or as a Bearer token), 401 for a wrong
 * login and `{error}` bodies.
 */
export const CUSTOM: RestProtocol = {
  paths: {
    login: "/api/v1/session",
    refresh: "/api/v1/session/renew",
    me: "/api/v1/whoami",
    logout: "/api/v1/session/end",
    items: "/api/v1/items",
  },
  loginFields: { username: "login", password: "secret" },
  tokenFields: {
    accessToken: "access_token",
    refreshToken: "renew_token",
    expiresIn: "expires_in",
  },
  refreshBodyField: "renew_token",
  refreshFromBearer: true,
  badCredentialsStatus: 401,
  opaqueTokens: true,
  error: (error) => ({ error }),
  user: (user) => ({
    user_id: user.id,
    display_name: user.name,
    mail: user.email,
    groups: user.roles,
  }),
  loginExtras: () => ({ token_type: "Bearer" }),
  items: MOCK_ITEMS,
};
