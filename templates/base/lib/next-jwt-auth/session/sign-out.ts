// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import type { JWT } from "next-auth/jwt";
import { getAdapter } from "@/lib/next-jwt-auth/backend/get-adapter";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";
import { sessionState } from "./live-session";

/**
 * End a session the user signed out of: tell the backend (its logout), then
 * the session storage. The caller clears the cookie. Shared by next-auth's
 * `events.signOut` (the sign-out button with JavaScript) and `signOutAction`
 * (the same button's form without it).
 */
export async function endSignedInSession(token: JWT | null): Promise<void> {
  const state = await sessionState(token);
  if (state.status === "live") {
    try {
      await getAdapter().logout(state.session.tokens);
    } catch (error) {
      // The cookie is cleared anyway; a backend that cannot be told keeps its token until expiry.
      console.error("[auth] backend logout failed:", error);
    }
  }
  if (token) await sessionStorage.end(token, "expired");
}
