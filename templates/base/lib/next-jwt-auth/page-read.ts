// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { isBackendError } from "./backend/errors";
import { isBackendFetchError } from "./backend-fetch";

/** What a page renders for a backend read: the data, or a sentence saying why there is none. */
export type PageRead<T> = { ok: true; data: T } | { ok: false; message: string };

/** The sentences `readForPage` gives; the error itself goes to the server log. */
export const PAGE_READ_MESSAGES = {
  unavailable: "The backend cannot be reached right now.",
  refused: "The backend refused the request. Try signing in again.",
} as const;

/**
 * Run a backend read for a page (`backendJson`, `backendFetch`,
 * `backendProfile`) and never let it crash the page: an outage or a timeout
 * says the backend cannot be reached, and a refusal or an unexpected answer is
 * logged under `label` and says it was refused.
 *
 * @example
 * const items = await readForPage("dashboard", () => backendJson("api/items", itemsSchema));
 * if (!items.ok) return <p role="alert">{items.message}</p>;
 */
export async function readForPage<T>(label: string, read: () => Promise<T>): Promise<PageRead<T>> {
  try {
    return { ok: true, data: await read() };
  } catch (error) {
    if (
      isBackendFetchError(error, "backend_unavailable", "backend_timeout") ||
      isBackendError(error, "unavailable")
    ) {
      return { ok: false, message: PAGE_READ_MESSAGES.unavailable };
    }
    console.error(`[${label}] backend read failed:`, error);
    return { ok: false, message: PAGE_READ_MESSAGES.refused };
  }
}
