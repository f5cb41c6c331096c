/**
 * The oauth2_token entities: every issued access token (by jti) and refresh
 * token (by its id), with their revocation state. simple_oauth answers
 * "revoked" for an id it has no record of, so forgetting everything (the
 * test reset) revokes every token issued before.
 */

export interface AccessRecord {
  jti: string;
  uid: number;
  clientId: string;
  scopes: readonly string[];
  /** Unix seconds. */
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshRecord {
  id: string;
  accessJti: string;
  expiresAt: number;
  revoked: boolean;
  /** Revoked because a refresh exchanged it for a new one. */
  rotated: boolean;
}

export class TokenStore {
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();

  saveAccess(record: Omit<AccessRecord, "revoked">): void {
    this.access.set(record.jti, { ...record, revoked: false });
  }

  saveRefresh(record: Omit<RefreshRecord, "revoked" | "rotated">): void {
    this.refresh.set(record.id, { ...record, revoked: false, rotated: false });
  }

  accessToken(jti: string): AccessRecord | undefined {
    return this.access.get(jti);
  }

  refreshToken(id: string): RefreshRecord | undefined {
    return this.refresh.get(id);
  }

  /** AccessTokenRepository::isAccessTokenRevoked: unknown counts as revoked. */
  isAccessRevoked(jti: string): boolean {
    return this.access.get(jti)?.revoked ?? true;
  }

  /** RefreshTokenRepository::isRefreshTokenRevoked: unknown counts as revoked. */
  isRefreshRevoked(id: string): boolean {
    return this.refresh.get(id)?.revoked ?? true;
  }

  revokeAccess(jti: string): void {
    const record = this.access.get(jti);
    if (record) record.revoked = true;
  }

  /** Revoke a refresh token because it was exchanged in a refresh. */
  rotateOut(id: string): void {
    const record = this.refresh.get(id);
    if (record) {
      record.revoked = true;
      record.rotated = true;
    }
  }

  clear(): void {
    this.access.clear();
    this.refresh.clear();
  }
}
