import { Injectable } from "@nestjs/common";

/** The counters of the contract's `GET /__mock/stats` (see test/backends/README.md). */
export interface Stats {
  /** Successful credential logins. */
  logins: number;
  /** Refused credential logins (wrong user or password; not malformed bodies). */
  failedLogins: number;
  /** Successful refreshes. */
  refreshes: number;
  /** Refresh attempts refused for any reason: unknown, expired, revoked, reused. */
  rejectedRefreshes: number;
  /** Refresh attempts with a token an earlier refresh had already rotated out. */
  reusedRefreshes: number;
  /** Resource and profile calls answered 200. */
  resourceCalls: number;
  /** Resource and profile calls refused for a bad, expired or revoked access token. */
  rejectedResourceCalls: number;
  /** Successful logouts. */
  logouts: number;
}

const ZERO: Stats = {
  logins: 0,
  failedLogins: 0,
  refreshes: 0,
  rejectedRefreshes: 0,
  reusedRefreshes: 0,
  resourceCalls: 0,
  rejectedResourceCalls: 0,
  logouts: 0,
};

@Injectable()
export class StatsService {
  private counters: Stats = { ...ZERO };

  count(name: keyof Stats): void {
    this.counters[name] += 1;
  }

  snapshot(): Stats {
    return { ...this.counters };
  }

  reset(): void {
    this.counters = { ...ZERO };
  }
}
