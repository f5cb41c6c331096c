// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The idle timeout (`SESSION_IDLE_TIMEOUT`) must follow activity: every page
 * load and proxy call moves the deadline. Writing a new cookie (and, with a
 * database, the row) on every request would be a cost for nothing, so the
 * deadline moves at most once per this fraction of the window: a user is
 * signed out no sooner than 3/4 of the idle timeout after their last request,
 * and no later than the full timeout.
 */
export const RENEWAL_FRACTION = 4;

/** Milliseconds between two renewals of the idle deadline. */
export function renewalIntervalMs(idleTimeoutSeconds: number): number {
  return (idleTimeoutSeconds * 1000) / RENEWAL_FRACTION;
}

/** Whether the idle deadline set at `lastRenewedAt` (epoch ms) is due to move at `now`. */
export function renewalDue(
  lastRenewedAt: number,
  now: number,
  idleTimeoutSeconds: number,
): boolean {
  return now - lastRenewedAt >= renewalIntervalMs(idleTimeoutSeconds);
}
