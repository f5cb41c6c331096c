import type { JWT } from "next-auth/jwt";
import type { SessionStorage } from "@/lib/next-jwt-auth/storage/types";

/**
 * A session storage for the unit tests of the code around the storage
 * (refresh, session state, the cookie codec): it keeps the whole session in
 * the token and nothing anywhere else, so those tests hold with whichever
 * storage this app uses. The app's own storage has its tests next to it, in
 * `lib/next-jwt-auth/storage/`.
 */
export function tokenSessionStorage(): SessionStorage {
  return {
    jwt: undefined,
    create: ({ user, tokens }) =>
      Promise.resolve({ sub: user.id, user, backend: tokens, authTime: Date.now() }),
    read: ({ user, backend, authTime }) =>
      Promise.resolve(
        user && backend && authTime !== undefined ? { user, tokens: backend, authTime } : null,
      ),
    persistRotation: (token, _previous, next) => Promise.resolve({ ...token, backend: next }),
    end: (token, reason) => {
      const ended: JWT = { ...token, error: reason };
      delete ended.backend;
      return Promise.resolve(ended);
    },
  };
}
