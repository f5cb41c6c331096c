import { randomBytes, randomUUID } from "node:crypto";

/** What the mock counts, read by tests through `GET /__mock/stats`. */
export interface MockStats {
  logins: number;
  failedLogins: number;
  /** Successful refreshes. */
  refreshes: number;
  /** Refresh attempts with an unknown, expired or revoked token. */
  rejectedRefreshes: number;
  /** Refresh attempts with a token that had already been rotated out: a client bug. */
  reusedRefreshes: number;
  /** Resource and profile calls answered with 200. */
  resourceCalls: number;
  /** Resource and profile calls refused for a bad, expired or revoked token. */
  rejectedResourceCalls: number;
  logouts: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds. */
  expiresIn: number;
  /** Seconds. */
  refreshExpiresIn: number;
  jti: string;
}

export type AccessCheck =
  { ok: true; userId: string } | { ok: false; reason: "invalid" | "expired" | "revoked" };

export type RefreshFailure = "invalid" | "expired" | "revoked";

export interface AccessClaims {
  sub: string;
  jti: string;
  iat: number;
  exp: number;
}

export interface TokenStoreOptions {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Signs an access token; each style picks its algorithm and extra claims. */
  signAccessToken: (claims: AccessClaims) => Promise<string>;
  /** Opaque refresh tokens by default; a style may sign them too. */
  makeRefreshToken?: (userId: string) => Promise<string> | string;
  now?: () => number;
}

interface AccessRecord {
  userId: string;
  expiresAt: number;
  revoked: boolean;
}

interface RefreshRecord {
  userId: string;
  expiresAt: number;
  /** Set once the token is rotated out or logged out. */
  revoked: "rotated" | "logout" | undefined;
  accessToken: string;
}

/**
 * The token bookkeeping of a rotating OAuth-style backend: every refresh
 * revokes the old refresh token AND the old access token, a replayed refresh
 * token is refused, and two identical refreshes are serialised (the second
 * loses) because the old token is revoked before anything is awaited.
 */
export class TokenStore {
  readonly stats: MockStats = TokenStore.emptyStats();
  private readonly access = new Map<string, AccessRecord>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  private readonly now: () => number;

  constructor(private readonly options: TokenStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  static emptyStats(): MockStats {
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

  /** Issue a fresh pair for a user who just signed in. */
  async issue(userId: string): Promise<IssuedTokens> {
    this.stats.logins += 1;
    return this.mint(userId);
  }

  /**
   * Rotate a refresh token. The old refresh token and its access token are
   * revoked synchronously, before the new pair is signed.
   */
  async rotate(refreshToken: string): Promise<IssuedTokens | { error: RefreshFailure }> {
    const record = this.refreshTokens.get(refreshToken);
    const failure = this.refreshFailure(record);
    if (failure || !record) {
      this.stats.rejectedRefreshes += 1;
      if (record?.revoked === "rotated") this.stats.reusedRefreshes += 1;
      return { error: failure ?? "invalid" };
    }
    record.revoked = "rotated";
    const oldAccess = this.access.get(record.accessToken);
    if (oldAccess) oldAccess.revoked = true;
    this.stats.refreshes += 1;
    return this.mint(record.userId);
  }

  /** Check an access token presented to a resource. Counts the call. */
  verifyAccess(accessToken: string | undefined): AccessCheck {
    const record = accessToken ? this.access.get(accessToken) : undefined;
    let check: AccessCheck;
    if (!record) check = { ok: false, reason: "invalid" };
    else if (record.revoked) check = { ok: false, reason: "revoked" };
    else if (record.expiresAt <= this.now()) check = { ok: false, reason: "expired" };
    else check = { ok: true, userId: record.userId };
    if (check.ok) this.stats.resourceCalls += 1;
    else this.stats.rejectedResourceCalls += 1;
    return check;
  }

  /** Check a refresh token without using it (e.g. a refresh guard that runs before rotation). */
  peekRefresh(refreshToken: string): RefreshFailure | undefined {
    return this.refreshFailure(this.refreshTokens.get(refreshToken));
  }

  /** Revoke every token of a user (logout). */
  revokeUser(userId: string): void {
    this.stats.logouts += 1;
    for (const record of this.refreshTokens.values()) {
      if (record.userId === userId && !record.revoked) record.revoked = "logout";
    }
    for (const record of this.access.values()) {
      if (record.userId === userId) record.revoked = true;
    }
  }

  /** Forget every token and zero the counters (test isolation). */
  reset(): void {
    this.access.clear();
    this.refreshTokens.clear();
    Object.assign(this.stats, TokenStore.emptyStats());
  }

  private refreshFailure(record: RefreshRecord | undefined): RefreshFailure | undefined {
    if (!record) return "invalid";
    if (record.revoked) return "revoked";
    if (record.expiresAt <= this.now()) return "expired";
    return undefined;
  }

  private async mint(userId: string): Promise<IssuedTokens> {
    const nowMs = this.now();
    const iat = Math.floor(nowMs / 1000);
    const { accessTtlSeconds: accessTtl, refreshTtlSeconds: refreshTtl } = this.options;
    const jti = randomUUID();
    const accessToken = await this.options.signAccessToken({
      sub: userId,
      jti,
      iat,
      exp: iat + accessTtl,
    });
    const refreshToken = this.options.makeRefreshToken
      ? await this.options.makeRefreshToken(userId)
      : randomBytes(48).toString("base64url");
    this.access.set(accessToken, {
      userId,
      expiresAt: nowMs + accessTtl * 1000,
      revoked: false,
    });
    this.refreshTokens.set(refreshToken, {
      userId,
      expiresAt: nowMs + refreshTtl * 1000,
      revoked: undefined,
      accessToken,
    });
    return { accessToken, refreshToken, expiresIn: accessTtl, refreshExpiresIn: refreshTtl, jti };
  }
}
