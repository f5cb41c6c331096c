import type { AddressInfo } from "node:net";
import { ManualClock } from "../src/clock.js";
import type { SimpleOauthVersion } from "../src/config.js";
import { generateKeys, type Keys } from "../src/oauth/keys.js";
import { createDrupal, type Drupal } from "../src/server.js";

export const CLIENT = { client_id: "next-app", client_secret: "next-app-secret" };
export const DEMO = { username: "demo", password: "demo-password" };
export const ALICE = { username: "alice", password: "alice-password" };
export const JSON_API = "application/vnd.api+json";

export interface Harness {
  base: string;
  clock: ManualClock;
  drupal: Drupal;
  /** POST /oauth/token with a form body. */
  token(form: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** Sign in and return the token response body. */
  login(user?: { username: string; password: string }): Promise<TokenBody>;
  refresh(refreshToken: string): Promise<Response>;
  get(path: string, accessToken?: string, accept?: string): Promise<Response>;
  stats(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface TokenBody {
  token_type: string;
  expires_in: number;
  access_token: string;
  refresh_token: string;
}

/** One RSA key pair per test file: generating one per test is the slow part. */
let sharedKeys: Promise<Keys> | undefined;

export async function startDrupal(
  options: { version?: SimpleOauthVersion; accessTtl?: number; refreshTtl?: number } = {},
): Promise<Harness> {
  const clock = new ManualClock();
  sharedKeys ??= generateKeys();
  const drupal = await createDrupal({ ...options, clock, keys: await sharedKeys });
  await new Promise<void>((resolve) => drupal.server.listen(0, "127.0.0.1", resolve));
  const { port } = drupal.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const token: Harness["token"] = (form, headers = {}) =>
    fetch(`${base}/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json", ...headers },
      body: new URLSearchParams(form).toString(),
    });

  const harness: Harness = {
    base,
    clock,
    drupal,
    token,
    async login(user = DEMO) {
      const response = await token({ grant_type: "password", ...CLIENT, ...user });
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as TokenBody;
    },
    refresh: (refreshToken) => token({ grant_type: "refresh_token", ...CLIENT, refresh_token: refreshToken }),
    get: (path, accessToken, accept = JSON_API) =>
      fetch(`${base}${path}`, {
        headers: {
          Accept: accept,
          ...(accessToken === undefined ? {} : { Authorization: `Bearer ${accessToken}` }),
        },
      }),
    async stats() {
      return (await (await fetch(`${base}/__mock/stats`)).json()) as Record<string, number>;
    },
    async close() {
      drupal.server.closeAllConnections();
      await new Promise<void>((resolve) => drupal.server.close(() => resolve()));
    },
  };
  return harness;
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}
