import { randomUUID } from "node:crypto";
import { HttpError, MESSAGES } from "./errors.js";
import type { Flavor, IssuedPair } from "./flavors.js";
import { emptyStats, type Stats } from "./stats.js";
import { TokenStore, type Clock, type RefreshCheck } from "./token-store.js";
import { jwtFormat, opaqueFormat, type MintedPair, type TokenFormat } from "./tokens.js";
import { checkCredentials, findUserById, type User } from "./users.js";

export interface AuthServiceOptions {
  flavor: Flavor;
  /** Seconds. */
  accessTtl: number;
  /** Seconds. */
  refreshTtl: number;
  /** Injected in tests; `Date.now` otherwise. */
  now?: Clock;
}

/** A bearer call that got through: who, and from which session. */
export interface Authenticated {
  user: User;
  sessionId: string;
}

/**
 * What the endpoints do, whatever their paths and field names: sign in, rotate,
 * authenticate bearer calls, sign out, and keep the counters. Refusals are
 * thrown as `HttpError` with the flavor's status.
 */
export class AuthService {
  readonly stats: Stats = emptyStats();
  private readonly flavor: Flavor;
  private readonly store: TokenStore;
  private readonly format: TokenFormat;
  private readonly ttl: { access: number; refresh: number };

  constructor(options: AuthServiceOptions) {
    const now = options.now ?? Date.now;
    this.flavor = options.flavor;
    this.store = new TokenStore(now);
    this.format = options.flavor.tokenFormat === "jwt" ? jwtFormat(now) : opaqueFormat(now);
    this.ttl = { access: options.accessTtl, refresh: options.refreshTtl };
  }

  async login(body: Record<string, unknown>): Promise<{ user: User; pair: IssuedPair }> {
    const { request, status } = this.flavor;
    const username = body[request.username];
    const password = body[request.password];
    const refuse = (code: number, message: string) => {
      this.stats.failedLogins++;
      return new HttpError(code, message);
    };
    if (!isNonEmptyString(username) || !isNonEmptyString(password)) {
      throw refuse(status.missingCredentials, MESSAGES.credentialsRequired);
    }
    const accessTtl = this.accessTtlFor(body);
    if (accessTtl === undefined) throw refuse(400, MESSAGES.badExpiresInMins);
    const user = checkCredentials(username, password);
    if (!user) throw refuse(status.badCredentials, MESSAGES.invalidCredentials);

    const sessionId = randomUUID();
    const minted = await this.format.mint(user, sessionId, {
      access: accessTtl,
      refresh: this.ttl.refresh,
    });
    this.store.open(sessionId, user.id, minted.refresh, this.storedAccess(minted));
    this.stats.logins++;
    return { user, pair: toPair(minted, accessTtl) };
  }

  /**
   * Exchange a refresh token for a new pair and retire it. Presenting a retired
   * token again is reuse: refused, counted, and the whole session is revoked.
   */
  async refresh(body: Record<string, unknown>): Promise<IssuedPair> {
    const { request, status } = this.flavor;
    const token = body[request.refreshToken];
    if (!isNonEmptyString(token)) {
      this.stats.rejectedRefreshes++;
      throw new HttpError(status.missingRefreshToken, MESSAGES.refreshTokenRequired);
    }
    const accessTtl = this.accessTtlFor(body);
    if (accessTtl === undefined) {
      this.stats.rejectedRefreshes++;
      throw new HttpError(400, MESSAGES.badExpiresInMins);
    }

    const check = this.store.checkRefresh(token);
    if (!check.ok) throw this.refuseRefresh(check);
    const user = findUserById(check.userId);
    if (!user) throw this.refuseRefresh({ ok: false, reason: "unknown" });

    // Minting is asynchronous; `rotate` checks the token again and commits in one step.
    const minted = await this.format.mint(user, check.sessionId, {
      access: accessTtl,
      refresh: this.ttl.refresh,
    });
    const rotated = this.store.rotate(token, minted.refresh, this.storedAccess(minted));
    if (!rotated.ok) throw this.refuseRefresh(rotated);
    this.stats.refreshes++;
    return toPair(minted, accessTtl);
  }

  /**
   * The user behind a bearer token. `counted`: a resource or `me` call, which
   * the counters track; a logout is not.
   */
  async authenticate(token: string | undefined, counted: boolean): Promise<Authenticated> {
    if (token === undefined) throw new HttpError(401, MESSAGES.accessTokenRequired);
    const check = await this.format.checkAccess(token, this.store);
    const user = check.ok ? findUserById(check.userId) : undefined;
    if (!check.ok || !user) {
      if (counted) this.stats.rejectedResourceCalls++;
      const expired = !check.ok && check.reason === "expired";
      throw new HttpError(401, expired ? MESSAGES.tokenExpired : MESSAGES.invalidToken);
    }
    if (counted) this.stats.resourceCalls++;
    return { user, sessionId: check.sessionId };
  }

  /** End the session of this access token: its refresh token and access tokens stop working. */
  async logout(token: string | undefined): Promise<void> {
    const { sessionId } = await this.authenticate(token, false);
    this.store.revoke(sessionId);
    this.stats.logouts++;
  }

  /** Forget every session and token and zero the counters. */
  reset(): void {
    this.store.clear();
    Object.assign(this.stats, emptyStats());
  }

  /** Seconds: the configured lifetime, or DummyJSON's `expiresInMins`; undefined when that is malformed. */
  private accessTtlFor(body: Record<string, unknown>): number | undefined {
    const minutes = body.expiresInMins;
    if (!this.flavor.acceptsExpiresInMins || minutes === undefined) return this.ttl.access;
    if (typeof minutes !== "number" || !Number.isFinite(minutes) || minutes <= 0) return undefined;
    return Math.max(1, Math.round(minutes * 60));
  }

  private storedAccess(minted: MintedPair) {
    return this.format.storesAccessTokens ? minted.access : undefined;
  }

  private refuseRefresh(check: Extract<RefreshCheck, { ok: false }>): HttpError {
    this.stats.rejectedRefreshes++;
    if (check.reason === "reused") {
      this.stats.reusedRefreshes++;
      this.store.revoke(check.sessionId);
    }
    return new HttpError(this.flavor.status.badRefreshToken, MESSAGES.invalidRefreshToken);
  }
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function toPair(minted: MintedPair, accessTtl: number): IssuedPair {
  return { accessToken: minted.access.token, refreshToken: minted.refresh.token, accessTtl };
}
