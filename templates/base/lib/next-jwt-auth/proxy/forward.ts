// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { backendRequestHeaders } from "./headers";

export type ForwardResult =
  | { ok: true; response: Response }
  | { ok: false; error: "backend_unavailable" | "backend_timeout" };

/**
 * One request to the backend on the browser's behalf: redirects are not
 * followed (a 3xx goes back as is, without its Location), and the whole
 * exchange is bounded by `timeoutMs`.
 */
export async function forwardToBackend(input: {
  url: string;
  method: string;
  incomingHeaders: Headers;
  accessToken: string;
  resourceHeaders: Readonly<Record<string, string>>;
  body: Uint8Array | undefined;
  timeoutMs: number;
  fetch?: typeof fetch;
}): Promise<ForwardResult> {
  const doFetch = input.fetch ?? fetch;
  try {
    const response = await doFetch(input.url, {
      method: input.method,
      headers: backendRequestHeaders(
        input.incomingHeaders,
        input.accessToken,
        input.resourceHeaders,
      ),
      body: input.body as BodyInit | undefined,
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    return { ok: true, response };
  } catch (error) {
    const timedOut =
      error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, error: timedOut ? "backend_timeout" : "backend_unavailable" };
  }
}
