// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/** Whether one more log line of a kind may be written now. */
export type LogVerdict =
  | {
      write: true;
      /** Lines of this kind dropped in the window that just ended (say so once). */
      dropped: number;
    }
  | { write: false };

/** Fixed-window counter per kind of log line. */
export interface LogRateLimiter {
  take(kind: string): LogVerdict;
}

export interface LogRateLimiterOptions {
  /** Lines per kind per window. */
  limit: number;
  windowMs: number;
  /** Kinds tracked at most; any further kind shares one counter, so memory stays bounded. */
  maxKinds?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

interface Window {
  start: number;
  written: number;
  dropped: number;
}

/** Shared counter of the kinds past `maxKinds`. */
const OTHER_KINDS = "\u0000other";

/**
 * At most `limit` lines per kind every `windowMs`: whoever can trigger a log
 * line (a garbage cookie, a refused request) cannot fill the disk or bury the
 * lines that matter. The first line of a new window reports how many were dropped.
 */
export function createLogRateLimiter(options: LogRateLimiterOptions): LogRateLimiter {
  const { limit, windowMs, maxKinds = 100, now = Date.now } = options;
  const windows = new Map<string, Window>();
  return {
    take(kind) {
      const key = windows.has(kind) || windows.size < maxKinds ? kind : OTHER_KINDS;
      const time = now();
      let window = windows.get(key);
      let dropped = 0;
      if (!window || time - window.start >= windowMs) {
        dropped = window?.dropped ?? 0;
        window = { start: time, written: 0, dropped: 0 };
        windows.set(key, window);
      }
      if (window.written >= limit) {
        window.dropped += 1;
        return { write: false };
      }
      window.written += 1;
      return { write: true, dropped };
    },
  };
}
