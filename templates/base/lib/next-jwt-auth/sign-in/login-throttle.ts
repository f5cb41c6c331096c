// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { FailureRecord, LoginAttemptStore, Reservation } from "./login-attempts";
import { throttleUsername } from "./throttle-username";

/** How many failures a key may have before it waits, and how long. */
export interface ThrottlePolicy {
  /** Failures allowed before the first wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest wait. */
  maxDelayMs: number;
}

/** The end of the wait a record imposes (0 when it imposes none): exponential back-off. */
export function lockedUntil(record: FailureRecord | undefined, policy: ThrottlePolicy): number {
  if (!record || record.failures < policy.freeFailures) return 0;
  const doublings = Math.min(record.failures - policy.freeFailures, 30);
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
  return record.lastFailureAt + delay;
}

/**
 * An attempt counted ahead of the backend's answer (`LoginThrottle.reserve`).
 * Settle it once the answer is known: `failed` keeps it counted,
 * `succeeded` and `void` take it back.
 */
export interface AttemptTicket {
  keys: AttemptKeys;
  reservations: { key: string; reservation: Reservation }[];
}

export type ReserveVerdict =
  { allowed: true; ticket: AttemptTicket } | { allowed: false; retryAfterSeconds: number };

/** How a reserved attempt ended: a wrong login, a sign-in, or neither (backend down, refused before the backend). */
export type AttemptOutcome = "failed" | "succeeded" | "void";

/** The keys one sign-in attempt is counted under. */
export interface AttemptKeys {
  username: string;
  /** `undefined` when the client address is not known (no trusted proxy). */
  address: string | undefined;
}

/**
 * Login throttling: failures are counted per username and per client address,
 * each with its own policy; once a key is over its free failures every further
 * attempt waits, twice as long after each new failure. Unknown and existing
 * usernames are counted alike, so the throttle tells nothing about which exist.
 */
export class LoginThrottle {
  constructor(
    private readonly store: LoginAttemptStore,
    private readonly policies: { username: ThrottlePolicy; address: ThrottlePolicy },
  ) {}

  private entries(keys: AttemptKeys): [string, ThrottlePolicy][] {
    const entries: [string, ThrottlePolicy][] = [
      [`user:${throttleUsername(keys.username)}`, this.policies.username],
    ];
    if (keys.address) entries.push([`addr:${keys.address}`, this.policies.address]);
    return entries;
  }

  /**
   * Count this attempt before the backend is asked, if every key may go on
   * now: atomic per key in the store, so however many attempts race, no more
   * than each key's free failures reach the backend. The caller must
   * `settle` the ticket once the backend answered.
   */
  async reserve(keys: AttemptKeys, now = Date.now()): Promise<ReserveVerdict> {
    const taken: AttemptTicket["reservations"] = [];
    for (const [key, policy] of this.entries(keys)) {
      const result = await this.store.reserve(
        key,
        now,
        (current) => lockedUntil(current, policy) <= now,
      );
      if (!result.reserved) {
        await this.releaseAll(taken);
        const until = lockedUntil(result.current, policy);
        // A key that only lost a race may not be locked by the time it is read: wait a second anyway.
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
      }
      taken.push({ key, reservation: result.reservation });
    }
    return { allowed: true, ticket: { keys, reservations: taken } };
  }

  /**
   * The backend's answer to a reserved attempt. A wrong login stays counted;
   * a sign-in forgets the username's failures and takes the attempt back from
   * the address; anything else (the backend unreachable) takes it back everywhere.
   */
  async settle(ticket: AttemptTicket, outcome: AttemptOutcome): Promise<void> {
    if (outcome === "failed") return;
    const [user, ...others] = ticket.reservations;
    if (outcome === "succeeded" && user) {
      await this.store.clear(user.key);
      await this.releaseAll(others);
      return;
    }
    await this.releaseAll(ticket.reservations);
  }

  private async releaseAll(taken: AttemptTicket["reservations"]): Promise<void> {
    for (const { key, reservation } of taken) await this.store.release(key, reservation);
  }
}

/**
 * The client address of a request. `X-Forwarded-For` is set by whoever sends
 * the request, so it is only believed with `trustedProxies` > 0: the address
 * that many entries from the right, the one the nearest trusted proxy saw.
 * Without a trusted proxy there is no address the client cannot forge, and
 * only the per-username limit applies.
 */
export function clientAddress(
  forwardedFor: string | null | undefined,
  trustedProxies: number,
): string | undefined {
  if (trustedProxies <= 0 || !forwardedFor) return undefined;
  const hops = forwardedFor
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops[hops.length - trustedProxies] ?? hops[0];
}
