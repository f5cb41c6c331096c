/** The counters of `GET /__mock/stats`, with the meanings ../../README.md defines. */
export interface Stats {
  /** Credential logins answered with tokens. */
  logins: number;
  /** Credential logins refused (wrong or missing credentials, malformed body). */
  failedLogins: number;
  /** Refreshes answered with a new pair. */
  refreshes: number;
  /** Refresh attempts refused for any reason (missing, unknown, expired, revoked, reused). */
  rejectedRefreshes: number;
  /** Refresh attempts with a token an earlier refresh had already rotated out (also counted as rejected). */
  reusedRefreshes: number;
  /** Demo-resource and `me` calls answered 200. */
  resourceCalls: number;
  /** Demo-resource and `me` calls refused for a bad, expired or revoked access token. */
  rejectedResourceCalls: number;
  /** Logouts answered with success. */
  logouts: number;
}

export function emptyStats(): Stats {
  return {
    logins: 0,
    failedLogins: 0,
    refreshes: 0,
    rejectedRefreshes: 0,
    reusedRefreshes: 0,
    resourceCalls: 0,
    rejectedResourceCalls: 0,
    logouts: 0,
  };
}
