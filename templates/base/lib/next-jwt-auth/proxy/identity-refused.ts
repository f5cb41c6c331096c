// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { getAdapter } from "@/lib/next-jwt-auth/backend/get-adapter";
import { isBackendError } from "@/lib/next-jwt-auth/backend/errors";

/**
 * Whether the backend refuses `accessToken` for its identity check (the
 * adapter's me / profile / userinfo). Any other failure (an outage, an odd
 * answer) proves nothing about the token: the session stays.
 */
export async function identityRefused(accessToken: string): Promise<boolean> {
  try {
    await getAdapter().me(accessToken);
    return false;
  } catch (error) {
    return isBackendError(error, "unauthorized");
  }
}
