import { formBody, type MockRequest, type MockResponse } from "../kit/http";
import type { IssuedTokens } from "../kit/token-store";
import { MOCK_USERS } from "../kit/users";
import { DEMO_CONSUMER } from "./consumer";
import type { Flood } from "./flood";
import {
  floodIpBlocked,
  floodUserBlocked,
  invalidClient,
  invalidCredentials,
  invalidRefreshToken,
  invalidRequest,
  invalidScope,
  unsupportedGrantType,
} from "./oauth-errors";
import type { DrupalTokens } from "./tokens";

/** Drupal core's defaults (user.flood): 5 failures per account in 6 h, 50 per IP in 1 h. */
export interface FloodLimits {
  userLimit: number;
  userWindowSeconds: number;
  ipLimit: number;
  ipWindowSeconds: number;
}

export interface TokenEndpointDeps {
  tokens: DrupalTokens;
  flood: Flood;
  limits: FloodLimits;
}

const IP_EVENT = "user.failed_login_ip";
const userEvent = (uid: string) => `user.failed_login_user:${uid}`;

/**
 * `POST /oauth/token` in the order league/oauth2-server checks things: the
 * grant type, then the client (id from the body only, as simple_oauth 6.x
 * does), then the grant's own parameters.
 */
export async function tokenEndpoint(
  request: MockRequest,
  deps: TokenEndpointDeps,
): Promise<MockResponse> {
  if (request.method !== "POST") {
    return {
      status: 405,
      headers: { Allow: "POST" },
      body: {
        message: `No route found for "${request.method} /oauth/token": Method Not Allowed (Allow: POST)`,
      },
    };
  }
  const form = formBody(request);
  const grantType = form.get("grant_type");
  if (grantType !== "password" && grantType !== "refresh_token") return unsupportedGrantType();

  const basic = basicCredentials(request.headers.authorization);
  const clientId = form.get("client_id");
  if (!clientId) return invalidRequest("client_id");
  const secret = form.get("client_secret") ?? basic?.password;
  if (clientId !== DEMO_CONSUMER.clientId || secret !== DEMO_CONSUMER.secret) {
    return invalidClient(basic !== undefined);
  }

  return grantType === "password" ? passwordGrant(form, deps) : refreshGrant(form, deps);
}

async function passwordGrant(
  form: URLSearchParams,
  deps: TokenEndpointDeps,
): Promise<MockResponse> {
  const scopes = requestedScopes(form, DEMO_CONSUMER.scopes);
  if (typeof scopes === "string") return invalidScope(scopes);
  const username = form.get("username");
  if (!username) return invalidRequest("username");
  const password = form.get("password");
  if (!password) return invalidRequest("password");

  const { flood, limits, tokens } = deps;
  if (!flood.isAllowed(IP_EVENT, limits.ipLimit, limits.ipWindowSeconds)) {
    tokens.store.stats.failedLogins += 1;
    return floodIpBlocked();
  }
  // 6.x accepts the e-mail address as the username.
  const account = MOCK_USERS.find((user) => user.username === username || user.email === username);
  if (
    account &&
    !flood.isAllowed(userEvent(account.id), limits.userLimit, limits.userWindowSeconds)
  ) {
    tokens.store.stats.failedLogins += 1;
    return floodUserBlocked(limits.userLimit);
  }
  if (!account || account.password !== password) {
    tokens.store.stats.failedLogins += 1;
    flood.register(IP_EVENT, limits.ipWindowSeconds);
    if (account) flood.register(userEvent(account.id), limits.userWindowSeconds);
    return invalidCredentials();
  }
  flood.clear(userEvent(account.id));
  return tokenResponse(
    await tokens.issue(account.id, scopes.length ? scopes : [DEMO_CONSUMER.scopes[0]]),
  );
}

async function refreshGrant(form: URLSearchParams, deps: TokenEndpointDeps): Promise<MockResponse> {
  const refreshToken = form.get("refresh_token");
  if (!refreshToken) return invalidRequest("refresh_token");
  const { tokens } = deps;
  // A refresh may narrow the scopes, never widen them; checked before the token is used up.
  const granted = tokens.scopesOf(refreshToken);
  if (granted && tokens.store.peekRefresh(refreshToken) === undefined) {
    const narrowed = requestedScopes(form, granted);
    if (typeof narrowed === "string") return invalidScope(narrowed);
  }
  const result = await tokens.rotate(refreshToken);
  if ("error" in result) return invalidRefreshToken(result.error);
  return tokenResponse(result);
}

/** The requested scopes, or the first one not allowed. */
function requestedScopes(form: URLSearchParams, allowed: readonly string[]): string[] | string {
  const scopes = (form.get("scope") ?? "").split(" ").filter(Boolean);
  return scopes.find((scope) => !allowed.includes(scope)) ?? scopes;
}

function tokenResponse(tokens: IssuedTokens): MockResponse {
  return {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=UTF-8",
      "Cache-Control": "no-store",
      Pragma: "no-cache",
    },
    body: {
      token_type: "Bearer",
      expires_in: tokens.expiresIn,
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
    },
  };
}

function basicCredentials(
  header: string | undefined,
): { id: string; password: string } | undefined {
  const match = /^basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0
    ? undefined
    : { id: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
