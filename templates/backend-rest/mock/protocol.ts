import type { HttpMockProtocol } from "./http-protocol";
import { MOCK_ITEMS, type MockUser } from "./kit/users";

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

/** Both login fields are non-empty strings, or the API's 400. */
const requireFields = (username: string, password: string) => (body: Record<string, unknown>) =>
  typeof body[username] === "string" &&
  body[username] &&
  typeof body[password] === "string" &&
  body[password]
    ? undefined
    : { status: 400, message: "Username and password required" };

/**
 * DummyJSON's auth API (https://dummyjson.com/docs/auth), the REST style's
 * defaults: the login answers the tokens next to the user, the refresh token
 * goes in the body, errors are `{message}`, and the demo resource is an
 * envelope with the items under `items`.
 */
export const PROTOCOL: HttpMockProtocol = {
  paths: {
    login: "/auth/login",
    refresh: "/auth/refresh",
    me: "/auth/me",
    logout: "/auth/logout",
    items: "/api/items",
  },
  loginFields: { username: "username", password: "password" },
  tokenFields: { accessToken: "accessToken", refreshToken: "refreshToken" },
  refreshToken: { bodyField: "refreshToken", bearer: false },
  opaqueTokens: false,
  accessClaims: dummyJsonUser,
  error: ({ message }) => ({ message }),
  invalidLogin: requireFields("username", "password"),
  badCredentials: { status: 400, message: "Invalid credentials" },
  accessRefused: (reason) => ({
    status: 401,
    message:
      reason === "missing"
        ? "Access Token is required"
        : reason === "expired"
          ? "Token Expired!"
          : "Invalid/Expired Token!",
  }),
  refreshRefused: (reason) =>
    reason === "missing"
      ? { status: 401, message: "Refresh token required" }
      : {
          status: 403,
          message: reason === "expired" ? "Refresh token expired" : "Invalid refresh token",
        },
  me: dummyJsonUser,
  loginExtras: dummyJsonUser,
  logoutBody: { message: "Logged out" },
  items: { items: MOCK_ITEMS, total: MOCK_ITEMS.length, skip: 0, limit: MOCK_ITEMS.length },
  notFound: (method, path) => `Route ${method} ${path} not found`,
};

/**
 * A made-up API that differs from DummyJSON wherever the adapter can be
 * configured: paths, snake_case fields, roles as a `groups` list, `expires_in` with opaque tokens, the
 * refresh token under another name (or as a Bearer token), 401 for a wrong
 * login and `{error}` bodies.
 */
export const CUSTOM: HttpMockProtocol = {
  ...PROTOCOL,
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
  refreshToken: { bodyField: "renew_token", bearer: true },
  opaqueTokens: true,
  error: ({ message }) => ({ error: message }),
  invalidLogin: requireFields("login", "secret"),
  badCredentials: { status: 401, message: "Invalid credentials" },
  me: (user) => ({
    user_id: user.id,
    display_name: user.name,
    mail: user.email,
    groups: user.roles,
  }),
  loginExtras: () => ({ token_type: "Bearer" }),
  items: MOCK_ITEMS,
};
