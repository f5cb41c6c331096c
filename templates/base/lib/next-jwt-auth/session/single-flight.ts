// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";

interface Entry<T> {
  promise: Promise<T>;
  /** Epoch ms after which a settled result is forgotten; `undefined` while in flight. */
  expiresAt: number | undefined;
}

type Registry = Map<string, Entry<unknown>>;

const REGISTRY_KEY = Symbol.for("app.auth.single-flight");

/**
 * One registry per process, on `globalThis`: `proxy.ts` and the route handlers
 * are separate bundles, each with its own module instances, but they must share
 * the refreshes in flight.
 */
function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
  holder[REGISTRY_KEY] ??= new Map();
  return holder[REGISTRY_KEY];
}

/**
 * Run `task` at most once per `key` at a time. Callers arriving while it runs
 * get the same promise; callers arriving within `resultTtlMs` after it settled
 * get the same result (or the same failure) instead of running it again.
 *
 * Used with the refresh token as key: a late request still carrying the old
 * cookie gets the rotated tokens instead of replaying a refresh token the
 * backend has already revoked.
 */
export function singleFlight<T>(
  key: string,
  task: () => Promise<T>,
  options: {
    resultTtlMs: number;
    now?: () => number;
    /** Whether a failure is remembered like a result; `false` lets the next caller try again at once. */
    rememberFailure?: (error: unknown) => boolean;
    /** How long this result is remembered, when not `resultTtlMs`. */
    resultTtlFor?: (result: T) => number;
  },
): Promise<T> {
  const now = options.now ?? Date.now;
  const entries = registry();
  for (const [k, entry] of entries) {
    if (entry.expiresAt !== undefined && entry.expiresAt <= now()) entries.delete(k);
  }
  const existing = entries.get(key) as Entry<T> | undefined;
  if (existing) return existing.promise;

  const entry: Entry<T> = { promise: Promise.resolve().then(task), expiresAt: undefined };
  entries.set(key, entry);
  const settle = (ttlMs = options.resultTtlMs) => {
    entry.expiresAt = now() + ttlMs;
  };
  const forget = () => {
    if (entries.get(key) === entry) entries.delete(key);
  };
  entry.promise.then(
    (result) => settle(options.resultTtlFor?.(result)),
    (error: unknown) => (options.rememberFailure?.(error) === false ? forget() : settle()),
  );
  return entry.promise;
}

/**
 * The run for `key` in flight or remembered, without starting one: `undefined`
 * when there is none (or it has been forgotten).
 */
export function peekSingleFlight<T>(
  key: string,
  now: () => number = Date.now,
): Promise<T> | undefined {
  const entry = registry().get(key) as Entry<T> | undefined;
  if (!entry || (entry.expiresAt !== undefined && entry.expiresAt <= now())) return undefined;
  return entry.promise;
}

/** Forget every entry (tests only). */
export function resetSingleFlight(): void {
  registry().clear();
}
