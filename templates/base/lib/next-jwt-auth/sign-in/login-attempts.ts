// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/** Failed sign-ins counted under one key (a username or a client address). */
export interface FailureRecord {
  failures: number;
  /** Epoch milliseconds of the latest failure. */
  lastFailureAt: number;
}

/**
 * One attempt counted before the backend is asked: `record` is the key's
 * state it left, `previous` the state before (to undo it exactly).
 */
export interface Reservation {
  record: FailureRecord;
  previous: FailureRecord | undefined;
}

/** What `reserve` did: counted the attempt, or refused it and left the key as it is. */
export type ReserveResult =
  | { reserved: true; reservation: Reservation }
  | { reserved: false; current: FailureRecord | undefined };

/**
 * Where failed sign-in attempts are counted. The default keeps them in this
 * process's memory: with several server processes each counts on its own (an
 * attacker gets N × the attempts), and a restart forgets them. A storage that
 * shares state between processes can provide its own
 * (`SessionStorage.loginAttempts`), e.g. a table
 * `(key primary key, failures, last_failure_at)` whose `reserve` is a
 * compare-and-swap on the row, so racing processes cannot both count the last
 * free attempt.
 */
export interface LoginAttemptStore {
  get(key: string): Promise<FailureRecord | undefined>;
  /** Count one more failure at `now`; returns the new record. */
  recordFailure(key: string, now: number): Promise<FailureRecord>;
  clear(key: string): Promise<void>;
  /**
   * Count one attempt at `now` as a failure, unless `mayProceed(current)`
   * says the key must wait; atomic per key, so of concurrent attempts no more
   * than the policy allows are counted (and so sent to the backend).
   */
  reserve(
    key: string,
    now: number,
    mayProceed: (current: FailureRecord | undefined) => boolean,
  ): Promise<ReserveResult>;
  /**
   * Undo a reservation whose attempt was not a wrong login (the backend was
   * down, the sign-in succeeded): one failure less, and the latest failure
   * time back to what it was if nothing else counted since.
   */
  release(key: string, reservation: Reservation): Promise<void>;
}

/**
 * The record a key holds after `release(reservation)` undid one attempt:
 * `undefined` when no failure is left. Shared by every store so they agree.
 */
export function releasedRecord(
  current: FailureRecord,
  reservation: Reservation,
): FailureRecord | undefined {
  const failures = current.failures - 1;
  if (failures <= 0) return undefined;
  const untouched =
    current.failures === reservation.record.failures &&
    current.lastFailureAt === reservation.record.lastFailureAt;
  const lastFailureAt =
    untouched && reservation.previous ? reservation.previous.lastFailureAt : current.lastFailureAt;
  return { failures, lastFailureAt };
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

  const count = (key: string, previous: FailureRecord | undefined, now: number) => {
    const record = { failures: (previous?.failures ?? 0) + 1, lastFailureAt: now };
    // Re-insert so the Map's order is least recently failed first.
    records.delete(key);
    records.set(key, record);
    // Bounded memory under a spray of usernames: forget the stalest keys.
    while (records.size > maxKeys) records.delete(records.keys().next().value!);
    return record;
  };

  return {
    get(key) {
      return Promise.resolve(live(key, Date.now()));
    },
    recordFailure(key, now) {
      return Promise.resolve(count(key, live(key, now), now));
    },
    clear(key) {
      records.delete(key);
      return Promise.resolve();
    },
    // Synchronous between reading and counting, so concurrent attempts cannot interleave.
    reserve(key, now, mayProceed) {
      const previous = live(key, now);
      if (!mayProceed(previous)) return Promise.resolve({ reserved: false, current: previous });
      const record = count(key, previous, now);
      return Promise.resolve({ reserved: true, reservation: { record, previous } });
    },
    release(key, reservation) {
      const current = records.get(key);
      if (current) {
        const next = releasedRecord(current, reservation);
        if (next) records.set(key, next);
        else records.delete(key);
      }
      return Promise.resolve();
    },
    reset() {
      records.clear();
    },
  };
}
