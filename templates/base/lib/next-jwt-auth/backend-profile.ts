// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { getAdapter } from "./backend/get-adapter";
import type { BackendAdapter, BackendUser } from "./backend/types";
import { BackendFetchError } from "./backend-fetch";
import type { VerifiedSession } from "./session/server-session";

/**
 * The signed-in user as the backend describes them now (its `me` or profile
 * endpoint), not as the session remembers them from sign-in. Throws the
 * adapter's `BackendError` when the backend refuses or cannot be reached, and
 * `BackendFetchError("backend_unavailable")` when the refresh before this
 * render could not reach the backend: the expired token would only be refused.
 */
export async function backendProfile(
  session: Pick<VerifiedSession, "tokens" | "tokensExpired">,
  adapter: Pick<BackendAdapter, "me"> = getAdapter(),
): Promise<BackendUser> {
  if (session.tokensExpired) throw new BackendFetchError("backend_unavailable");
  return adapter.me(session.tokens.accessToken);
}
