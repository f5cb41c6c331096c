import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { systemClock, type Clock } from "./clock.js";
import type { SimpleOauthVersion } from "./config.js";
import type { Site } from "./context.js";
import { origin, send } from "./http.js";
import { Flood } from "./oauth/flood.js";
import { generateKeys, type Keys } from "./oauth/keys.js";
import { KeyedLock } from "./oauth/lock.js";
import { handleTokenRequest } from "./oauth/token-endpoint.js";
import { TokenStore } from "./oauth/token-store.js";
import { authenticate } from "./resource/authenticate.js";
import { HttpError, JSON_API_TYPE, sendHttpError } from "./resource/errors.js";
import { jsonApi } from "./resource/jsonapi.js";
import { userinfo } from "./resource/userinfo.js";
import { emptyStats } from "./stats.js";

export interface DrupalOptions {
  version?: SimpleOauthVersion;
  accessTtl?: number;
  refreshTtl?: number;
  clock?: Clock;
  /** Key material to reuse (tests share one RSA key pair); generated when absent. */
  keys?: Keys;
}

export interface Drupal {
  server: Server;
  site: Site;
  /** `POST /__mock/reset`: forget every token and flood event, zero the counters. */
  reset(): void;
}

/** The emulated site: routes requests as Drupal's router would for these paths. */
export async function createDrupal(options: DrupalOptions = {}): Promise<Drupal> {
  const clock = options.clock ?? systemClock;
  const site: Site = {
    version: options.version ?? 6,
    accessTtl: options.accessTtl ?? 300,
    refreshTtl: options.refreshTtl ?? 1_209_600,
    clock,
    keys: options.keys ?? (await generateKeys()),
    tokens: new TokenStore(),
    flood: new Flood(clock),
    lock: new KeyedLock(),
    stats: emptyStats(),
  };
  const reset = () => {
    site.tokens.clear();
    site.flood.clear();
    Object.assign(site.stats, emptyStats());
  };

  const server = createServer((request, response) => {
    route(site, reset, request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, { "Content-Type": "application/json" }, { message: "The website encountered an unexpected error. Try again later." });
      else response.end();
    });
  });
  return { server, site, reset };
}

function methodNotAllowed(request: IncomingMessage, path: string, allow: string): HttpError {
  return new HttpError(
    405,
    `No route found for "${request.method} ${origin(request)}${path}": Method Not Allowed (Allow: ${allow})`,
    { Allow: allow },
  );
}

async function route(
  site: Site,
  reset: () => void,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const method = request.method ?? "GET";
  const path = new URL(request.url ?? "/", "http://drupal.invalid").pathname;

  // Test control; not part of Drupal.
  if (path === "/__mock/stats" && method === "GET") {
    send(response, 200, { "Content-Type": "application/json" }, site.stats);
    return;
  }
  if (path === "/__mock/reset" && method === "POST") {
    reset();
    send(response, 204, {});
    return;
  }

  if (path === "/oauth/token") {
    if (method !== "POST") {
      sendHttpError(request, response, methodNotAllowed(request, path, "POST"), false);
      return;
    }
    await handleTokenRequest(site, request, response);
    return;
  }

  const isJsonApi = path === "/jsonapi" || path.startsWith("/jsonapi/");
  const isUserinfo = path === "/oauth/userinfo";
  if (!isJsonApi && !isUserinfo) {
    sendHttpError(request, response, new HttpError(404, `No route found for "${method} ${origin(request)}${path}"`), false);
    return;
  }

  try {
    // Authentication runs before routing: a bad token is refused on any path.
    let account;
    try {
      account = await authenticate(site, request);
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) site.stats.rejectedResourceCalls++;
      throw error;
    }
    if (isUserinfo) {
      if (method !== "GET" && method !== "POST") throw methodNotAllowed(request, path, "GET, POST");
      const claims = userinfo(origin(request), account);
      site.stats.resourceCalls++;
      send(response, 200, { "Content-Type": "application/json" }, claims);
      return;
    }
    const document = jsonApi({ method, path, origin: origin(request), account });
    site.stats.resourceCalls++;
    send(response, 200, { "Content-Type": JSON_API_TYPE }, document);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendHttpError(request, response, error, isJsonApi);
  }
}
