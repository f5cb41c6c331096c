/**
 * A faithful stand-in for Drupal with simple_oauth 6.x and
 * simple_oauth_password_grant: the token endpoint with league/oauth2-server's
 * exact error bodies and flood control, and the JSON:API and userinfo
 * resources the app reads. Served by `mock/main.ts`.
 */
import { formBody, type MockRequest, type MockResponse } from "./kit/http";
import type { MockOptions } from "./kit/options";
import type { MockBackend } from "./kit/server";
import { authenticate } from "./drupal/authenticate";
import { Flood } from "./drupal/flood";
import { articleCollection, articleIndividual, entryPoint, userIndividual } from "./drupal/jsonapi";
import { errorResponse } from "./drupal/responses";
import { tokenEndpoint, type FloodLimits } from "./drupal/token-endpoint";
import { createDrupalTokens, type DrupalTokens } from "./drupal/tokens";
import { userinfo } from "./drupal/userinfo";

export { DEMO_CONSUMER } from "./drupal/consumer";

export interface DrupalMockOptions extends MockOptions {
  /** Drupal core's user.flood settings; the defaults are core's. */
  flood?: Partial<FloodLimits>;
}

export interface DrupalMockBackend extends MockBackend {
  /** Verifies the access tokens, for tests that inspect their claims. */
  publicKey: DrupalTokens["publicKey"];
}

const DEFAULT_FLOOD: FloodLimits = {
  userLimit: 5,
  userWindowSeconds: 6 * 3600,
  ipLimit: 50,
  ipWindowSeconds: 3600,
};

const UUID = "([0-9a-f-]{36})";

/**
 * The Drupal mock. Its flood control counts like Drupal's: after five failed
 * logins for one account that account is blocked for six hours (until
 * `POST /__mock/reset` or a restart), whatever the password.
 */
export async function createMockBackend(options: DrupalMockOptions): Promise<DrupalMockBackend> {
  const tokens = await createDrupalTokens(options);
  const flood = new Flood(options.now ?? Date.now);
  tokens.onReset(() => flood.reset());
  const limits = { ...DEFAULT_FLOOD, ...options.flood };

  async function handler(request: MockRequest): Promise<MockResponse | undefined> {
    const { path } = request;
    if (path === "/oauth/token") return tokenEndpoint(request, { tokens, flood, limits });
    if (request.method !== "GET") return undefined;

    const isResource =
      path === "/oauth/userinfo" || path === "/jsonapi" || path.startsWith("/jsonapi/");
    if (!isResource) return undefined;
    const auth = authenticate(request, tokens.store);
    if (auth.kind === "refused") return auth.response;
    const viewer = auth.kind === "user" ? auth.user : undefined;

    if (path === "/oauth/userinfo") {
      return viewer
        ? userinfo(viewer)
        : errorResponse(request, 403, "This route can only be accessed by authenticated users.");
    }
    if (path === "/jsonapi") return entryPoint(request, viewer);
    if (path === "/jsonapi/node/article") return articleCollection(request);
    const article = new RegExp(`^/jsonapi/node/article/${UUID}$`).exec(path);
    if (article?.[1]) return articleIndividual(request, article[1]);
    const user = new RegExp(`^/jsonapi/user/user/${UUID}$`).exec(path);
    if (user?.[1]) return userIndividual(request, viewer, user[1]);
    return undefined;
  }

  return {
    handler,
    store: tokens.store,
    publicKey: tokens.publicKey,
    isRefresh: (request) =>
      request.method === "POST" &&
      request.path === "/oauth/token" &&
      formBody(request).get("grant_type") === "refresh_token",
  };
}
