/**
 * The test-control counters (`GET /__mock/stats`), with the meanings the
 * test/backends contract gives them.
 */
export interface Stats {
  /** Successful password-grant sign-ins. */
  logins: number;
  /** Password-grant attempts refused for any reason (credentials, flood, client). */
  failedLogins: number;
  /** Successful refresh-token grants. */
  refreshes: number;
  /** Refresh attempts refused for any reason (unknown, expired, revoked, reused). */
  rejectedRefreshes: number;
  /** Refresh attempts with a token an earlier refresh had already rotated out. */
  reusedRefreshes: number;
  /** JSON:API and userinfo requests answered 200. */
  resourceCalls: number;
  /** JSON:API and userinfo requests refused 401 for a bad, expired or revoked token. */
  rejectedResourceCalls: number;
  /** Always 0: simple_oauth has no revocation endpoint by default. */
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
