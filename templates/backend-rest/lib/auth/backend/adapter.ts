import "server-only";
import type { BackendConfig } from "./config";
import { BackendError, isBackendError, type BackendErrorCode } from "./errors";
import { accessTokenExpiresAt, jwtExpiresAt } from "./token-expiry";
import { backendRequest, backendUrl, type BackendResponse, type HttpOptions } from "./http";
import { itemsSchema, restErrorSchema, tokenPairSchema, userSchema } from "./schemas";
import type { BackendAdapter, TokenSet } from "./types";

export interface AdapterOptions {
  /** Injected in tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
  /** Injected in tests; `Date.now` otherwise. */
  now?: () => number;
}

type Operation = "login" | "refresh" | "me" | "items" | "logout";

const JSON_HEADERS = { Accept: "application/json" } as const;
const JSON_BODY_HEADERS = { ...JSON_HEADERS, "Content-Type": "application/json" } as const;

/**
 * The generic REST style (DummyJSON by default): JSON login, refresh with the
 * refresh token in a JSON body field or as a Bearer token, `GET /auth/me`,
 * `POST /auth/logout`, and `{message}` error bodies. Paths and field names
 * come from the configuration.
 */
export function createBackendAdapter(
  config: BackendConfig,
  options: AdapterOptions = {},
): BackendAdapter {
  const now = options.now ?? Date.now;
  const http: HttpOptions = options.fetch
    ? { fetch: options.fetch, timeoutMs: config.timeoutMs }
    : { timeoutMs: config.timeoutMs };
  const tokenPair = tokenPairSchema(config.fields);
  const user = userSchema(config.fields);

  const call = (path: string, init: RequestInit) =>
    backendRequest(backendUrl(config.backendUrl, path), init, http);

  const bearer = (token: string) => ({ ...JSON_HEADERS, Authorization: `Bearer ${token}` });

  function toTokenSet(operation: Operation, response: BackendResponse): TokenSet {
    const parsed = tokenPair.safeParse(response.body);
    if (!parsed.success) throw unparseable(operation, response);
    const { accessToken, refreshToken, expiresInSeconds } = parsed.data;
    return {
      accessToken,
      refreshToken,
      accessTokenExpiresAt: accessTokenExpiresAt(accessToken, expiresInSeconds, now()),
      // DummyJSON's refresh tokens are JWTs; an opaque one simply has no known expiry.
      refreshTokenExpiresAt: jwtExpiresAt(refreshToken),
    };
  }

  return {
    defaultProxyPrefixes: ["api/"],
    resourceHeaders: {},
    demoResourcePath: config.demoResourcePath,

    async login(credentials) {
      const response = await call(config.paths.login, {
        method: "POST",
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify({
          [config.fields.username]: credentials.username,
          [config.fields.password]: credentials.password,
        }),
      });
      if (!isSuccess(response)) throw failure("login", response);
      return toTokenSet("login", response);
    },

    async refresh(refreshToken) {
      const init: RequestInit =
        config.refreshToken.in === "bearer"
          ? { method: "POST", headers: bearer(refreshToken) }
          : {
              method: "POST",
              headers: JSON_BODY_HEADERS,
              body: JSON.stringify({ [config.refreshToken.field]: refreshToken }),
            };
      const response = await call(config.paths.refresh, init);
      if (!isSuccess(response)) throw failure("refresh", response);
      return toTokenSet("refresh", response);
    },

    async me(accessToken) {
      const response = await call(config.paths.me, { method: "GET", headers: bearer(accessToken) });
      if (!isSuccess(response)) throw failure("me", response);
      const parsed = user.safeParse(response.body);
      if (!parsed.success) throw unparseable("me", response);
      return parsed.data;
    },

    async items(accessToken) {
      const response = await call(config.demoResourcePath, {
        method: "GET",
        headers: bearer(accessToken),
      });
      if (!isSuccess(response)) throw failure("items", response);
      const parsed = itemsSchema.safeParse(response.body);
      if (!parsed.success) throw unparseable("items", response);
      return parsed.data;
    },

    /**
     * Tell the backend the session is over. Best effort: the user is signing
     * out either way, so a backend that is down, refuses an expired access
     * token or has no such endpoint must not keep them signed in. Failures are
     * logged (without tokens) and never thrown.
     */
    async logout(tokens) {
      const path = config.paths.logout;
      if (path === undefined) return;
      try {
        const response = await call(path, { method: "POST", headers: bearer(tokens.accessToken) });
        if (!isSuccess(response)) throw failure("logout", response);
      } catch (error) {
        const reason = isBackendError(error) ? error.code : "unexpected error";
        console.warn(`[auth] backend logout failed (${reason}); signing out locally anyway`);
      }
    },
  };
}

function isSuccess(response: BackendResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

function unparseable(operation: Operation, response: BackendResponse): BackendError {
  return new BackendError(
    "bad_response",
    `${operation}: the backend's answer does not have the expected shape`,
    response.status,
  );
}

/** What a refusal means, per operation; 404, 429 and anything else are the same for all. */
const REFUSALS: Record<Operation, Partial<Record<number, BackendErrorCode>>> = {
  // DummyJSON answers a wrong login with 400, many other APIs with 401.
  login: { 400: "invalid_credentials", 401: "invalid_credentials" },
  // 401 (token missing or expired) and 403 (invalid or revoked) both mean: sign in again.
  refresh: { 401: "refresh_rejected", 403: "refresh_rejected" },
  // "Token Expired!" and a missing or invalid token alike.
  me: { 401: "unauthorized" },
  items: { 401: "unauthorized" },
  logout: { 401: "unauthorized" },
};

/** Map a non-2xx answer (5xx never gets here: `backendRequest` throws `unavailable`). */
function failure(operation: Operation, response: BackendResponse): BackendError {
  const { status } = response;
  const message = restErrorSchema.safeParse(response.body);
  const detail = message.success ? `: ${truncate(message.data)}` : "";
  const fail = (code: BackendErrorCode, text: string) =>
    new BackendError(code, `${operation}: ${text}${detail}`, status);

  // A wrong path answers 404 whatever server is behind it, so the body's shape does not matter.
  if (status === 404) {
    return fail("misconfigured", "the endpoint does not exist (check the REST_*_PATH settings)");
  }
  if (status === 429) return fail("throttled", "too many requests");
  const code = REFUSALS[operation][status];
  if (code) return fail(code, `refused with HTTP ${status}`);
  return fail("bad_response", `unexpected HTTP ${status}`);
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
