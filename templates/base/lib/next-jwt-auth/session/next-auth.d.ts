// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { BackendUser, TokenSet } from "@/lib/next-jwt-auth/backend/types";
import type { SessionEndReason } from "@/lib/next-jwt-auth/storage/types";

declare module "next-auth" {
  /** What `useSession()` and `/api/auth/session` expose: the user and an error flag, never a token. */
  interface Session {
    user: BackendUser;
    error?: SessionEndReason;
  }

  /** What the Credentials provider's `authorize` hands to the `jwt` callback (server only). */
  interface User {
    backendUser: BackendUser;
    tokens: TokenSet;
    userAgent?: string | undefined;
  }
}

declare module "next-auth/jwt" {
  /**
   * The decoded session cookie. Which fields are set depends on the session
   * storage (`lib/next-jwt-auth/storage/session-storage.ts` says which).
   */
  interface JWT {
    user?: BackendUser;
    /** The backend's tokens, for a storage that keeps them inside the encrypted cookie. */
    backend?: TokenSet;
    /** The session's id, for a storage that keeps the session on the server. */
    sid?: string;
    /** Epoch milliseconds of the sign-in. */
    authTime?: number;
    error?: SessionEndReason;
  }
}
