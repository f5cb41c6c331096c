import "server-only";
import type { BackendConfig } from "./config";
import { BackendError, isBackendError, type BackendErrorCode } from "./errors";
import { accessTokenExpiresAt, jwtExpiresAt } from "./token-expiry";
import { backendRequest, backendUrl, type BackendResponse, type HttpOptions } from "./http";
import { itemsSchema, nestErrorSchema, profileSchema, tokenPairSchema } from "./schemas";
import type { BackendAdapter, TokenSet } from "./types";

export interface AdapterOptions {
  /** Injected in tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
  /** Injected in tests; `Date.now` otherwise. */
  now?: () => number;
}

type Operation = "login" | "refresh" | "profile" | "items" | "logout";

const JSON_HEADERS = { Accept: "application/json" } as const;

/**
 * The NestJS style: JSON login, refresh with the refresh token as a Bearer
 * token, `GET /auth/profile`, `POST /auth/logout`, and NestJS's
 * `{statusCode, message, error?}` error bodies.
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
  const profile = profileSchema(config.fields);

  const call = (path: string, init: RequestInit) =>
    backendRequest(backendUrl(config.backendUrl, path), init, http);

  const bearer = (token: string) => ({ ...JSON_HEADERS, Authorization: `Bearer ${token}` });

  function toTokenSet(operation: Operation, response: BackendResponse): TokenSet {
    const parsed = tokenPair.safeParse(response.body);
    if (!parsed.success) throw unparseable(operation, response);
    const { accessToken, refreshToken } = parsed.data;
    return {
      accessToken,
      refreshToken,
      accessTokenExpiresAt: accessTokenExpiresAt(accessToken, undefined, now()),
      // The recipe's refresh tokens are JWTs too; an opaque one simply has no known expiry.
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
        headers: { ...JSON_HEADERS, "Content-Type": "application/json" },
        body: JSON.stringify({ username: credentials.username, password: credentials.password }),
      });
      if (!isSuccess(response)) throw failure("login", response);
      return toTokenSet("login", response);
    },

    async refresh(refreshToken) {
      const response = await call(config.paths.refresh, {
        method: "POST",
        headers: bearer(refreshToken),
      });
      if (!isSuccess(response)) throw failure("refresh", response);
      return toTokenSet("refresh", response);
    },

    async me(accessToken) {
      const response = await call(config.paths.profile, {
        method: "GET",
        headers: bearer(accessToken),
      });
      if (!isSuccess(response)) throw failure("profile", response);
      const parsed = profile.safeParse(response.body);
      if (!parsed.success) throw unparseable("profile", response);
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
     * Tell the backend to forget the session's refresh token. Best effort: the
     * user is signing out either way, so a backend that is down, refuses an
     * expired access token or has no such endpoint must not keep them signed
     * in. Failures are logged (without tokens) and never thrown.
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

/** NestJS answers `@Post()` routes with 201 unless the app sets `@HttpCode(200)`: both are fine. */
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
  login: {
    // The passport-local guard throws a bare 401, the recipe's service "Invalid credentials".
    401: "invalid_credentials",
    // ValidationPipe refuses a body it does not like (an empty field, a length rule) with 400
    // and a list of messages. The body holds nothing but the credentials, so this is a refused
    // login too, and the user gets the one message every refused login gets instead of a hint
    // about the backend's rules. Only with NestJS's error body: see `failure`.
    400: "invalid_credentials",
  },
  // 401: the refresh guard refused the JWT (bad signature, expired). 403 "Access Denied": it
  // does not match the stored hash (rotated out, logged out). Both end the session.
  refresh: { 401: "refresh_rejected", 403: "refresh_rejected" },
  profile: { 401: "unauthorized" },
  items: { 401: "unauthorized" },
  logout: { 401: "unauthorized" },
};

/** Map a non-2xx answer (5xx never gets here: `backendRequest` throws `unavailable`). */
function failure(operation: Operation, response: BackendResponse): BackendError {
  const { status } = response;
  const error = nestErrorSchema.safeParse(response.body);
  const detail = error.success ? `: ${describe(error.data.message)}` : "";
  const fail = (code: BackendErrorCode, text: string) =>
    new BackendError(code, `${operation}: ${text}${detail}`, status);

  // A wrong path answers 404 whatever server is behind it, so the body's shape does not matter.
  if (status === 404) {
    return fail("misconfigured", "the endpoint does not exist (check the NEST_*_PATH settings)");
  }
  // @nestjs/throttler, or a gateway in front of the app.
  if (status === 429) return fail("throttled", "too many requests");
  const code = REFUSALS[operation][status];
  // A 400 that is not NestJS's own error body did not come from the app's ValidationPipe.
  if (code && (status !== 400 || error.success)) return fail(code, `refused with HTTP ${status}`);
  return fail("bad_response", `unexpected HTTP ${status}`);
}

function describe(message: string | string[]): string {
  const text = Array.isArray(message) ? message.join("; ") : message;
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
