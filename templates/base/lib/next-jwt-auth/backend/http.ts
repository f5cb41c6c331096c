// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { BackendError } from "./errors";

export interface HttpOptions {
  /** Injected in tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
  /** Give up after this many milliseconds. */
  timeoutMs: number;
}

export interface BackendResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, the raw text otherwise, `undefined` when empty. */
  body: unknown;
}

/**
 * One HTTP call to the backend's auth or profile endpoints. Network failures,
 * timeouts and 5xx answers become `BackendError("unavailable")`; every other
 * status is returned for the adapter to map, because each style words its
 * errors differently.
 */
export async function backendRequest(
  url: string,
  init: RequestInit,
  options: HttpOptions,
): Promise<BackendResponse> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      ...init,
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    // The cause (ECONNREFUSED, ENOTFOUND, …) and the URL go into the message for the
    // server log; the browser only ever sees the code.
    throw new BackendError(
      "unavailable",
      timedOut
        ? `the backend did not answer in time (${options.timeoutMs} ms, ${url})`
        : `the backend cannot be reached (${networkCause(error)} ${url})`,
    );
  }
  const text = await response.text().catch(() => "");
  if (response.status >= 500) {
    throw new BackendError(
      "unavailable",
      `the backend answered ${response.status}`,
      response.status,
    );
  }
  return { status: response.status, headers: response.headers, body: parseBody(text) };
}

/** `ECONNREFUSED`, `ENOTFOUND`…: undici hides it in `cause` behind "fetch failed". */
function networkCause(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === "string") return cause.code;
  return error instanceof Error ? error.message : "network error";
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Join the backend's base URL and an absolute path without doubling or losing a slash. */
export function backendUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
