import { displayName, type User } from "./users.js";

export type FlavorName = "dummyjson" | "variant";

/** A freshly issued pair, with the access token's lifetime in seconds. */
export interface IssuedPair {
  accessToken: string;
  refreshToken: string;
  accessTtl: number;
}

export interface Item {
  id: number;
  title: string;
}

/**
 * One dialect of the same auth API: where it lives, what the requests and answers
 * are called, what the tokens look like and which statuses a refusal gets. Only
 * the shape changes between flavors; the behaviour (rotation, reuse detection,
 * revocation, counters) is the same code.
 */
export interface Flavor {
  name: FlavorName;
  paths: { login: string; refresh: string; me: string; logout: string; resource: string };
  /** Field names of the JSON request bodies. */
  request: { username: string; password: string; refreshToken: string };
  /** `jwt`: signed HS256 JWTs with `exp` (DummyJSON); `opaque`: random strings the server looks up. */
  tokenFormat: "jwt" | "opaque";
  /** DummyJSON lets login and refresh choose the access token's lifetime in minutes. */
  acceptsExpiresInMins: boolean;
  status: {
    missingCredentials: number;
    badCredentials: number;
    missingRefreshToken: number;
    badRefreshToken: number;
  };
  loginAnswer(user: User, pair: IssuedPair): Record<string, unknown>;
  refreshAnswer(pair: IssuedPair): Record<string, unknown>;
  meAnswer(user: User): Record<string, unknown>;
  resourceAnswer(items: readonly Item[]): unknown;
  /** `undefined` body: 204 No Content. */
  logoutAnswer: { status: number; body?: Record<string, unknown> };
}

/** The public user fields DummyJSON returns (everything but the password). */
function publicUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    gender: user.gender,
    image: user.image,
  };
}

/** https://dummyjson.com/docs/auth — the generated app's defaults. No expiry field: it is in the JWT. */
export const dummyjson: Flavor = {
  name: "dummyjson",
  paths: {
    login: "/auth/login",
    refresh: "/auth/refresh",
    me: "/auth/me",
    logout: "/auth/logout",
    resource: "/api/items",
  },
  request: { username: "username", password: "password", refreshToken: "refreshToken" },
  tokenFormat: "jwt",
  acceptsExpiresInMins: true,
  status: {
    missingCredentials: 400,
    badCredentials: 400,
    missingRefreshToken: 401,
    badRefreshToken: 403,
  },
  loginAnswer: (user, pair) => ({
    ...publicUser(user),
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
  }),
  refreshAnswer: (pair) => ({ accessToken: pair.accessToken, refreshToken: pair.refreshToken }),
  // The stored user, role included (the login answer and the JWT leave the role out).
  meAnswer: (user) => ({ ...publicUser(user), role: user.role }),
  // A plain array; the variant uses the `{items}` envelope.
  resourceAnswer: (items) => items.map(({ id, title }) => ({ id, title })),
  logoutAnswer: { status: 200, body: { message: "Logged out" } },
};

/**
 * Everything the app can configure, changed: other paths, snake_case OAuth-like
 * answers with `expires_in`, opaque access tokens (so the app cannot read an
 * `exp` claim), 401 for every refusal, and the demo resource under `/v1/`.
 * `variant.env` is the app configuration that matches it.
 */
export const variant: Flavor = {
  name: "variant",
  paths: {
    login: "/identity/token",
    refresh: "/identity/token/refresh",
    me: "/identity/whoami",
    logout: "/identity/logout",
    resource: "/v1/things",
  },
  request: { username: "login", password: "secret", refreshToken: "refresh" },
  tokenFormat: "opaque",
  acceptsExpiresInMins: false,
  status: {
    missingCredentials: 400,
    badCredentials: 401,
    missingRefreshToken: 400,
    badRefreshToken: 401,
  },
  loginAnswer: (_user, pair) => oauthAnswer(pair),
  refreshAnswer: oauthAnswer,
  meAnswer: (user) => ({
    user_id: `usr_${user.id}`,
    display_name: displayName(user),
    mail: user.email,
  }),
  resourceAnswer: (items) => ({
    items: items.map(({ id, title }) => ({ id: `thing-${id}`, title })),
  }),
  logoutAnswer: { status: 204 },
};

function oauthAnswer(pair: IssuedPair) {
  return {
    access_token: pair.accessToken,
    refresh_token: pair.refreshToken,
    expires_in: pair.accessTtl,
    token_type: "Bearer",
  };
}

export const FLAVORS: Record<FlavorName, Flavor> = { dummyjson, variant };
