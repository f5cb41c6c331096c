import type { FailureRecord, LoginAttemptStore } from "./login-attempts";

/** How many failures a key may have before it waits, and how long. */
export interface ThrottlePolicy {
  /** Failures allowed before the first wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest wait. */
  maxDelayMs: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The end of the wait a record imposes (0 when it imposes none): exponential back-off. */
export function lockedUntil(record: FailureRecord | undefined, policy: ThrottlePolicy): number {
  if (!record || record.failures < policy.freeFailures) return 0;
  const doublings = Math.min(record.failures - policy.freeFailures, 30);
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
  return record.lastFailureAt + delay;
}

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
      [`user:${keys.username.toLowerCase()}`, this.policies.username],
    ];
    if (keys.address) entries.push([`addr:${keys.address}`, this.policies.address]);
    return entries;
  }

  /** May this attempt go to the backend now? */
  async check(keys: AttemptKeys, now = Date.now()): Promise<ThrottleVerdict> {
    let until = 0;
    for (const [key, policy] of this.entries(keys)) {
      until = Math.max(until, lockedUntil(await this.store.get(key), policy));
    }
    return until > now
      ? { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000) }
      : { allowed: true };
  }

  /** A wrong username or password. */
  async failed(keys: AttemptKeys, now = Date.now()): Promise<void> {
    for (const [key] of this.entries(keys)) await this.store.recordFailure(key, now);
  }

  /** A successful sign-in forgets the username's failures (not the address's). */
  async succeeded(keys: AttemptKeys): Promise<void> {
    await this.store.clear(this.entries(keys)[0]![0]);
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
