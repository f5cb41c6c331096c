// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { isBackendError } from "@/lib/next-jwt-auth/backend/errors";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import type { SessionStore, StoredSession } from "@/lib/next-jwt-auth/store/types";

export type RowRefresh =
  /** The row now holds working tokens: ours, or those of whoever refreshed first. */
  | { status: "fresh"; session: StoredSession }
  /** The backend refused the refresh token (the row is deleted) or the row is gone. */
  | { status: "ended" }
  /** The backend could not be reached or took too long: keep the old tokens, a later request retries. */
  | { status: "unavailable"; session: StoredSession };

export interface RowRefreshOptions {
  /** Exchange a refresh token at the backend. */
  refresh: (refreshToken: string) => Promise<TokenSet>;
  /** How long a claim on the refresh lasts; longer than a backend call can take. */
  leaseMs: number;
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Refresh a session's tokens so that, across every process sharing the
 * database, exactly one refresh of a given refresh token reaches the backend:
 *
 * 1. claim a lease on the row's current version (compare-and-swap);
 * 2. the claimant calls the backend and writes the new tokens with a
 *    compare-and-swap on the version, which also drops the lease;
 * 3. everybody else polls the row until its version moves on and uses the
 *    claimant's tokens; if the claimant dies, its lease lapses and the next
 *    caller claims.
 */
export async function refreshRow(
  store: SessionStore,
  sessionId: string,
  session: StoredSession,
  options: RowRefreshOptions,
): Promise<RowRefresh> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? wait;
  const giveUpAt = now() + 2 * options.leaseMs;

  while (now() < giveUpAt) {
    const claim = await store.claimRefresh(
      sessionId,
      session.version,
      now() + options.leaseMs,
      now(),
    );
    if (claim.status === "gone") return { status: "ended" };
    if (claim.status === "busy") {
      if (claim.session.version !== session.version)
        return { status: "fresh", session: claim.session };
      await sleep(options.pollMs ?? 50);
      continue;
    }

    let tokens: TokenSet;
    try {
      tokens = await options.refresh(claim.session.tokens.refreshToken);
    } catch (error) {
      if (isBackendError(error, "refresh_rejected")) {
        await store.delete(sessionId);
        return { status: "ended" };
      }
      await store.releaseRefresh(sessionId, session.version);
      if (!isBackendError(error, "unavailable"))
        console.error("[auth] refresh failed unexpectedly:", error);
      return { status: "unavailable", session };
    }
    const rotated = await store.rotate(sessionId, session.version, tokens, now());
    return rotated.status === "gone"
      ? { status: "ended" }
      : { status: "fresh", session: rotated.session };
  }
  return { status: "unavailable", session };
}
