// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { BackendError, isBackendError, type BackendErrorCode } from "./errors";
import type { BackendConfig, Operation } from "./http-style";
import { backendRequest, backendUrl, type BackendResponse, type HttpOptions } from "./http";
import { tokenPairSchema, userSchema } from "./schemas";
import { accessTokenExpiresAt, jwtExpiresAt } from "./token-expiry";
import type { BackendAdapter, TokenSet } from "./types";

export interface AdapterOptions {
  /** Injected in tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
  /** Injected in tests; `Date.now` otherwise. */
  now?: () => number;
}

const JSON_HEADERS = { Accept: "application/json" } as const;
const JSON_BODY_HEADERS = { ...JSON_HEADERS, "Content-Type": "application/json" } as const;

/**
 * Sign-in against a JSON-over-HTTP backend: JSON login, refresh with the
 * refresh token in a JSON body field or as a Bearer token, `GET` the user with
 * the access token, `POST` logout. Paths, field names and the style's error
 * rules all come from `config` (see `config.ts`).
 */
export function createBackendAdapter(
  config: BackendConfig,
  options: AdapterOptions = {},
): BackendAdapter {
  const now = options.now ?? Date.now;
  const http: HttpOptions = options.fetch
    ? { fetch: options.fetch, timeoutMs: config.timeoutMs }
    : { timeoutMs: config.timeoutMs };
  const tokenPair = tokenPairSchema(config.tokens);
  const user = userSchema(config.user, config.style.roles);
  const failure = failureFor(config);

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
      // Refresh tokens are often JWTs too; an opaque one simply has no known expiry.
      refreshTokenExpiresAt: jwtExpiresAt(refreshToken),
    };
  }

  return {
    async login(credentials) {
      const response = await call(config.paths.login, {
        method: "POST",
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify({
          [config.credentials.username]: credentials.username,
          [config.credentials.password]: credentials.password,
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

/** Some backends answer a `POST` with 201 instead of 200: both are fine. */
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

/** Map a non-2xx answer (5xx never gets here: `backendRequest` throws `unavailable`). */
function failureFor({ style }: BackendConfig) {
  return (operation: Operation, response: BackendResponse): BackendError => {
    const { status } = response;
    const message = style.errorMessage(response.body);
    const detail = message === undefined ? "" : `: ${truncate(message)}`;
    const fail = (code: BackendErrorCode, text: string) =>
      new BackendError(code, `${operation}: ${text}${detail}`, status);

    // A wrong path answers 404 whatever server is behind it, so the body's shape does not matter.
    if (status === 404) {
      return fail(
        "misconfigured",
        `the endpoint does not exist (check the ${style.pathSettings} settings)`,
      );
    }
    // A rate limit of the backend or of a gateway in front of it.
    if (status === 429) return fail("throttled", "too many requests");
    const code = style.refusals[operation][status];
    const trusted = !style.ownBodyOnly.includes(status) || message !== undefined;
    if (code && trusted) return fail(code, `refused with HTTP ${status}`);
    return fail("bad_response", `unexpected HTTP ${status}`);
  };
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
