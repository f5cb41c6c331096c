import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";
import type { FlavorName } from "../src/flavors.js";
import { createBackend, listen } from "../src/server.js";
import type { Stats } from "../src/stats.js";

export const DEMO = { username: "demo", password: "demo-password" } as const;
export const ALICE = { username: "alice", password: "alice-password" } as const;

export const ACCESS_TTL = 10;
export const REFRESH_TTL = 30;

/**
 * How a client speaks each flavor, written down here independently of
 * src/flavors.ts (it is what the generated app is configured with), so that the
 * tests check the server against the intended dialect, not against itself.
 */
export interface Dialect {
  flavor: FlavorName;
  paths: { login: string; refresh: string; me: string; logout: string; resource: string };
  request: { username: string; password: string; refreshToken: string };
  answer: { accessToken: string; refreshToken: string };
  user: { id: string; name: string; email: string };
  /** The demo resource's items, from either answer shape. */
  items(body: unknown): { id: unknown; title: unknown }[];
  status: { badCredentials: number; badRefreshToken: number; logout: number };
}

export const DUMMYJSON: Dialect = {
  flavor: "dummyjson",
  paths: {
    login: "/auth/login",
    refresh: "/auth/refresh",
    me: "/auth/me",
    logout: "/auth/logout",
    resource: "/api/items",
  },
  request: { username: "username", password: "password", refreshToken: "refreshToken" },
  answer: { accessToken: "accessToken", refreshToken: "refreshToken" },
  user: { id: "id", name: "username", email: "email" },
  items: (body) => body as { id: unknown; title: unknown }[],
  status: { badCredentials: 400, badRefreshToken: 403, logout: 200 },
};

export const VARIANT: Dialect = {
  flavor: "variant",
  paths: {
    login: "/identity/token",
    refresh: "/identity/token/refresh",
    me: "/identity/whoami",
    logout: "/identity/logout",
    resource: "/v1/things",
  },
  request: { username: "login", password: "secret", refreshToken: "refresh" },
  answer: { accessToken: "access_token", refreshToken: "refresh_token" },
  user: { id: "user_id", name: "display_name", email: "mail" },
  items: (body) => (body as { items: { id: unknown; title: unknown }[] }).items,
  status: { badCredentials: 401, badRefreshToken: 401, logout: 204 },
};

export const DIALECTS = [DUMMYJSON, VARIANT];

export interface Pair {
  access: string;
  refresh: string;
}

/** A running backend on a free port with a hand-moved clock, and a client in its dialect. */
export interface TestBackend {
  url: string;
  dialect: Dialect;
  /** Move the server's clock forward; no sleeping. */
  advance(seconds: number): void;
  post(path: string, body?: unknown, token?: string): Promise<Response>;
  get(path: string, token?: string): Promise<Response>;
  login(user?: { username: string; password: string }): Promise<Response>;
  /** Sign in and return the pair (fails the test if the login is refused). */
  signIn(user?: { username: string; password: string }): Promise<Pair>;
  refresh(refreshToken: string): Promise<Response>;
  pairOf(body: unknown): Pair;
  stats(): Promise<Stats>;
}

const running: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((close) => close()));
});

export async function startBackend(
  dialect: Dialect,
  options: { accessTtl?: number; refreshTtl?: number } = {},
): Promise<TestBackend> {
  let now = Date.UTC(2030, 0, 1, 12, 0, 0);
  const { server } = createBackend({
    flavor: dialect.flavor,
    accessTtl: options.accessTtl ?? ACCESS_TTL,
    refreshTtl: options.refreshTtl ?? REFRESH_TTL,
    now: () => now,
  });
  await listen(server, 0);
  running.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const headers = (token?: string, json = false): Record<string, string> => ({
    accept: "application/json",
    ...(json ? { "content-type": "application/json" } : {}),
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  });
  const post = (path: string, body?: unknown, token?: string) =>
    fetch(url + path, {
      method: "POST",
      headers: headers(token, body !== undefined),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const get = (path: string, token?: string) => fetch(url + path, { headers: headers(token) });
  const pairOf = (body: unknown): Pair => {
    const record = body as Record<string, unknown>;
    return {
      access: record[dialect.answer.accessToken] as string,
      refresh: record[dialect.answer.refreshToken] as string,
    };
  };
  const login = (user: { username: string; password: string } = DEMO) =>
    post(dialect.paths.login, {
      [dialect.request.username]: user.username,
      [dialect.request.password]: user.password,
    });

  return {
    url,
    dialect,
    advance: (seconds) => {
      now += seconds * 1000;
    },
    post,
    get,
    login,
    async signIn(user = DEMO) {
      const response = await login(user);
      if (response.status !== 200) throw new Error(`login answered ${response.status}`);
      return pairOf(await response.json());
    },
    refresh: (refreshToken) =>
      post(dialect.paths.refresh, { [dialect.request.refreshToken]: refreshToken }),
    pairOf,
    stats: async () => (await (await get("/__mock/stats")).json()) as Stats,
  };
}
