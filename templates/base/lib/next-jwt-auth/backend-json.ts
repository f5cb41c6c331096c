// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { z } from "zod";
import { BackendFetchError, backendFetch, type BackendFetchInit } from "./backend-fetch";

type Fetch = (path: string, init?: BackendFetchInit) => Promise<Response>;

/** Build a `backendJson` over another `backendFetch`. Exported for tests; the app uses `backendJson`. */
export function createBackendJson(fetchFromBackend: Fetch) {
  return async function readJson<Schema extends z.ZodType>(
    path: string,
    schema: Schema,
    init: BackendFetchInit = {},
  ): Promise<z.output<Schema>> {
    const method = init.method ?? "GET";
    const headers = new Headers(init.headers);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    const response = await fetchFromBackend(path, { ...init, headers });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new BackendFetchError(
        "unexpected_answer",
        `${method} ${path} answered ${response.status}`,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new BackendFetchError(
        "unexpected_answer",
        `${method} ${path} answered a body that is not JSON`,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new BackendFetchError(
        "unexpected_answer",
        `${method} ${path} answered JSON of another shape: ${parsed.error.issues[0]?.message}`,
      );
    }
    return parsed.data;
  };
}

/**
 * `backendFetch` for a JSON resource: calls `path` as the signed-in user
 * (asking for JSON unless `init` says otherwise) and returns the answer as
 * `schema` parses it. Any status but 2xx, or a body `schema` refuses, throws a
 * `BackendFetchError` with the code `unexpected_answer`; the other failures are
 * `backendFetch`'s.
 *
 * @example
 * const items = await backendJson("api/items", z.array(z.object({ id: z.string(), title: z.string() })));
 */
export const backendJson = createBackendJson(backendFetch);
