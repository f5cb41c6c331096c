/** Failed sign-ins counted under one key (a username or a client address). */
export interface FailureRecord {
  failures: number;
  /** Epoch milliseconds of the latest failure. */
  lastFailureAt: number;
}

/**
 * Where failed sign-in attempts are counted. The default keeps them in this
 * process's memory: with several server processes each counts on its own (an
 * attacker gets N × the attempts), and a restart forgets them. A storage with
 * a shared database can provide its own (`SessionStorage.loginAttempts`), e.g.
 * a table `(key primary key, failures, last_failure_at)` updated with
 * `INSERT … ON CONFLICT DO UPDATE SET failures = failures + 1`.
 */
export interface LoginAttemptStore {
  get(key: string): Promise<FailureRecord | undefined>;
  /** Count one more failure at `now`; returns the new record. */
  recordFailure(key: string, now: number): Promise<FailureRecord>;
  clear(key: string): Promise<void>;
}

/** In-memory store: forgets a key `forgetAfterMs` after its last failure; holds at most `maxKeys`. */
export function memoryLoginAttemptStore(
  options: { forgetAfterMs?: number; maxKeys?: number } = {},
): LoginAttemptStore & { reset(): void } {
  const forgetAfterMs = options.forgetAfterMs ?? 24 * 3_600_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const records = new Map<string, FailureRecord>();

  const live = (key: string, now: number): FailureRecord | undefined => {
    const record = records.get(key);
    if (record && now - record.lastFailureAt > forgetAfterMs) {
      records.delete(key);
      return undefined;
    }
    return record;
  };

  return {
    get(key) {
      return Promise.resolve(live(key, Date.now()));
    },
    recordFailure(key, now) {
      const previous = live(key, now);
      const record = { failures: (previous?.failures ?? 0) + 1, lastFailureAt: now };
      // Re-insert so the Map's order is least recently failed first.
      records.delete(key);
      records.set(key, record);
      // Bounded memory under a spray of usernames: forget the stalest keys.
      while (records.size > maxKeys) records.delete(records.keys().next().value!);
      return Promise.resolve(record);
    },
    clear(key) {
      records.delete(key);
      return Promise.resolve();
    },
    reset() {
      records.clear();
    },
  };
}
