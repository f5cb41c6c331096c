// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { env } from "./config/env";
import { forwardToBackend } from "./proxy/forward";
import { buildBackendUrl } from "./proxy/path";
import { BACKEND_FORWARDING } from "@/lib/backend/forwarding";
import { backendCallSession, type BackendCallSession } from "./session/backend-call-session";

/** Why `backendFetch` gave no backend answer. */
export const BACKEND_FETCH_ERROR_CODES = [
  /** No session: nobody is signed in. */
  "unauthenticated",
  /** The backend refused the session's access token (401) or its refresh token: the user must sign in again. */
  "unauthorized",
  /**
   * The access token has expired in a Server Component of a page `proxy.ts`
   * does not refresh, where the rotated tokens could not be stored: a bug in
   * the app, fixed by adding the page to `protectedPages` in `app.config.ts`.
   */
  "page_not_refreshed",
  /** The path is not under an allowed prefix (`BACKEND_PROXY_PREFIXES`) or leads to an auth endpoint. */
  "not_allowed",
  /** The path has an empty, `.`/`..` or malformed segment. */
  "bad_path",
  /** The backend cannot be reached, or the refresh before this request could not reach it. */
  "backend_unavailable",
  /** The backend did not answer within `BACKEND_TIMEOUT_MS`. */
  "backend_timeout",
  /** `backendJson` only: the backend answered, but not with a 2xx and JSON its schema accepts. */
  "unexpected_answer",
] as const;

export type BackendFetchErrorCode = (typeof BACKEND_FETCH_ERROR_CODES)[number];

/** Registered process-wide: each Next bundle has its own copy of the class, so never `instanceof`. */
const BRAND = Symbol.for("create-next-jwt-auth.BackendFetchError");

/** Thrown by `backendFetch` when there is no backend answer to give; tell them apart by `code`. */
export class BackendFetchError extends Error {
  override readonly name = "BackendFetchError";
  readonly [BRAND] = true;

  constructor(
    readonly code: BackendFetchErrorCode,
    detail?: string,
  ) {
    super(`backendFetch: ${code}${detail ? `: ${detail}` : ""}`);
  }
}

/** True when `error` is a `BackendFetchError` with one of `codes` (any code when none is given). */
export function isBackendFetchError(
  error: unknown,
  ...codes: BackendFetchErrorCode[]
): error is BackendFetchError {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { [BRAND]?: unknown; code?: unknown };
  if (candidate[BRAND] !== true) return false;
  const code = candidate.code as BackendFetchErrorCode;
  return BACKEND_FETCH_ERROR_CODES.includes(code) && (codes.length === 0 || codes.includes(code));
}

export interface BackendFetchInit {
  /** `GET` by default. */
  method?: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Only the proxy's allow-listed request headers are sent (`lib/proxy/headers.ts`). */
  headers?: HeadersInit;
  body?: string | Uint8Array;
}

/** The rules `backendFetch` follows; the app's come from the environment, tests inject their own. */
export interface BackendFetchRules {
  session: () => Promise<BackendCallSession>;
  backendUrl: string;
  timeoutMs: number;
  prefixes: readonly string[];
  resourceHeaders: Readonly<Record<string, string>>;
  fetch?: typeof fetch;
}

const NOT_REFRESHED_DETAIL =
  "the access token has expired and a Server Component cannot store refreshed tokens; add this page to protectedPages in app.config.ts so that proxy.ts refreshes the session before it renders";

/** The session to call with, or the `BackendFetchError` saying why there is none. */
async function liveSession(session: BackendFetchRules["session"]) {
  const outcome = await session();
  switch (outcome.status) {
    case "live":
      return outcome.session;
    case "none":
      throw new BackendFetchError("unauthenticated");
    case "ended":
      throw new BackendFetchError("unauthorized");
    // The refresh could not reach the backend: the expired token would only be refused.
    case "unavailable":
      throw new BackendFetchError("backend_unavailable");
    case "not_refreshed":
      throw new BackendFetchError("page_not_refreshed", NOT_REFRESHED_DETAIL);
  }
}

/**
 * Build a `backendFetch` over the given rules. Exported for tests; the app uses
 * `backendFetch`.
 */
export function createBackendFetch(rules: () => BackendFetchRules) {
  return async function fetchFromBackend(
    path: string,
    init: BackendFetchInit = {},
  ): Promise<Response> {
    const config = rules();
    const [rawPath = "", search = ""] = path.replace(/^\/+/, "").split(/\?(.*)/s, 2);
    const target = buildBackendUrl({
      backendUrl: config.backendUrl,
      rawPath,
      search,
      prefixes: config.prefixes,
    });
    if (!target.ok) {
      throw new BackendFetchError(target.reason === "bad_segment" ? "bad_path" : "not_allowed");
    }
    const session = await liveSession(config.session);

    const result = await forwardToBackend({
      url: target.url,
      method: init.method ?? "GET",
      incomingHeaders: new Headers(init.headers),
      accessToken: session.tokens.accessToken,
      resourceHeaders: config.resourceHeaders,
      body: typeof init.body === "string" ? new TextEncoder().encode(init.body) : init.body,
      timeoutMs: config.timeoutMs,
      ...(config.fetch && { fetch: config.fetch }),
    });
    if (!result.ok) throw new BackendFetchError(result.error);
    if (result.response.status === 401) {
      await result.response.body?.cancel().catch(() => undefined);
      throw new BackendFetchError("unauthorized");
    }
    return result.response;
  };
}

/**
 * Call the backend from server code (Server Components, Server Actions, route
 * handlers) with the signed-in user's access token, under the proxy's rules:
 * only paths under `BACKEND_PROXY_PREFIXES` (never an auth endpoint), only
 * allow-listed headers, no redirects followed, `BACKEND_TIMEOUT_MS`.
 *
 * An expired access token is refreshed where the rotated tokens can be kept
 * (`session/backend-call-session.ts`): in Server Actions and route handlers
 * (the cookie is written), anywhere when the session storage keeps the
 * tokens on the server. A Server
 * Component cannot write the cookie, so with the tokens in the cookie it relies
 * on `proxy.ts`, which refreshes before the pages of `protectedPages` render;
 * on any other page it throws `page_not_refreshed`. Any answer but 401 is
 * returned as is; no session, a refused token, a refused path and an outage
 * throw a `BackendFetchError` (see its `code`).
 *
 * @example
 * const response = await backendFetch("api/items");
 * if (!response.ok) throw new Error(`api/items answered ${response.status}`);
 * const items: unknown = await response.json();
 */
export const backendFetch = createBackendFetch(() => {
  const config = env();
  return {
    session: backendCallSession,
    backendUrl: config.BACKEND_URL,
    timeoutMs: config.BACKEND_TIMEOUT_MS,
    prefixes: config.BACKEND_PROXY_PREFIXES.length
      ? config.BACKEND_PROXY_PREFIXES
      : BACKEND_FORWARDING.defaultPrefixes,
    resourceHeaders: BACKEND_FORWARDING.resourceHeaders,
  };
});
