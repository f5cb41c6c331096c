import type { AttemptKeys, LoginThrottle } from "@/lib/next-jwt-auth/sign-in/login-throttle";

/**
 * Sign-in attempts as the app's sign-in route makes them (`login-guard.ts`):
 * reserved before the backend is asked, then settled with its answer. The
 * throttle has no other way to count, so its tests count this way too.
 */

/** One wrong login; throws when the throttle refuses the attempt. */
export async function failAttempt(t: LoginThrottle, keys: AttemptKeys, now = Date.now()) {
  const verdict = await t.reserve(keys, now);
  if (!verdict.allowed) throw new Error(`the throttle refused ${JSON.stringify(keys)}`);
  await t.settle(verdict.ticket, "failed");
}

/** One sign-in the backend accepts; throws when the throttle refuses the attempt. */
export async function succeedAttempt(t: LoginThrottle, keys: AttemptKeys, now = Date.now()) {
  const verdict = await t.reserve(keys, now);
  if (!verdict.allowed) throw new Error(`the throttle refused ${JSON.stringify(keys)}`);
  await t.settle(verdict.ticket, "succeeded");
}

/**
 * Whether an attempt may reach the backend at `now`, and if not for how long
 * it waits, without counting it (an allowed attempt is taken back, as for a
 * backend that could not answer).
 */
export async function throttleVerdict(
  t: LoginThrottle,
  keys: AttemptKeys,
  now = Date.now(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const verdict = await t.reserve(keys, now);
  if (!verdict.allowed) return verdict;
  await t.settle(verdict.ticket, "void");
  return { allowed: true };
}
