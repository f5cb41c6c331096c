import { unixSeconds } from "../clock.js";
import type { Site } from "../context.js";
import { accountByLogin, consumerScopes, type Consumer } from "../site.js";
import { newIdentifier, signAccessToken } from "./access-token.js";
import {
  floodIpBlocked,
  floodUserBlocked,
  invalidCredentials,
  invalidRefreshToken,
  invalidRequest,
  invalidScope,
} from "./errors.js";
import { FLOOD_LIMITS } from "./flood.js";
import { decryptRefreshToken, encryptRefreshToken } from "./refresh-token.js";

/** league/oauth2-server's BearerTokenResponse body, in its key order. */
export interface TokenResponse {
  token_type: "Bearer";
  expires_in: number;
  access_token: string;
  refresh_token: string;
}

export type Form = Readonly<Record<string, string>>;

/** What a refresh attempt revealed, for the test counters. */
export interface RefreshObservation {
  /** The token had been rotated out by an earlier refresh. */
  reused: boolean;
}

/** AbstractGrant::validateScopes, then finalizeScopes: the consumer's scopes when none are asked for. */
function resolveScopes(site: Site, requested: string | undefined, allowed: readonly string[]): string[] {
  const asked = (requested ?? "").split(" ").filter((scope) => scope !== "");
  const known = consumerScopes(site.version);
  for (const scope of asked) {
    if (!known.includes(scope) || !allowed.includes(scope)) throw invalidScope(scope);
  }
  return asked.length > 0 ? [...new Set(asked)] : [...allowed];
}

/** Issue and persist an access token and a refresh token bound to it. */
async function issueTokens(
  site: Site,
  consumer: Consumer,
  uid: number,
  scopes: string[],
): Promise<TokenResponse> {
  const now = unixSeconds(site.clock);
  const jti = newIdentifier();
  const exp = now + site.accessTtl;
  const accessToken = await signAccessToken(site.keys, {
    clientId: consumer.clientId,
    jti,
    uid,
    scopes,
    now,
    exp,
  });
  site.tokens.saveAccess({ jti, uid, clientId: consumer.clientId, scopes, expiresAt: exp });

  const refreshId = newIdentifier();
  const refreshExpires = now + site.refreshTtl;
  site.tokens.saveRefresh({ id: refreshId, accessJti: jti, expiresAt: refreshExpires });
  const refreshToken = encryptRefreshToken(
    {
      client_id: consumer.clientId,
      refresh_token_id: refreshId,
      access_token_id: jti,
      scopes,
      user_id: String(uid),
      expire_time: refreshExpires,
    },
    site.keys.encryptionKey,
  );
  return {
    token_type: "Bearer",
    expires_in: exp - unixSeconds(site.clock),
    access_token: accessToken,
    refresh_token: refreshToken,
  };
}

/**
 * PasswordGrant (simple_oauth_password_grant): scopes, then the user, with
 * the user module's flood control around the credential check.
 */
export async function passwordGrant(
  site: Site,
  consumer: Consumer,
  form: Form,
  ip: string,
): Promise<TokenResponse> {
  const scopes = resolveScopes(site, form.scope, consumerScopes(site.version));
  const username = form.username;
  if (username === undefined || username === "") throw invalidRequest("username");
  const password = form.password;
  if (password === undefined || password === "") throw invalidRequest("password");

  if (site.flood.ipBlocked(ip)) throw floodIpBlocked();
  const account = accountByLogin(username, site.version);
  if (account && site.flood.userBlocked(account.uid, ip)) {
    throw floodUserBlocked(FLOOD_LIMITS.userLimit);
  }
  if (!account || !account.active || account.password !== password) {
    site.flood.registerFailure(ip, account?.uid);
    throw invalidCredentials();
  }
  site.flood.registerSuccess(account.uid, ip);
  return issueTokens(site, consumer, account.uid, scopes);
}

/**
 * RefreshTokenGrant with revokeRefreshTokens on: check the old refresh token
 * (decrypt, client, expiry, revocation, in that order), revoke it and the
 * access token issued with it, and issue a new pair.
 */
export async function refreshTokenGrant(
  site: Site,
  consumer: Consumer,
  form: Form,
  observation: RefreshObservation,
): Promise<TokenResponse> {
  const encrypted = form.refresh_token;
  if (encrypted === undefined || encrypted === "") throw invalidRequest("refresh_token");
  const old = decryptRefreshToken(encrypted, site.keys.encryptionKey);
  if (!old) throw invalidRefreshToken("Cannot decrypt the refresh token");

  observation.reused = site.tokens.refreshToken(old.refresh_token_id)?.rotated ?? false;
  if (old.client_id !== consumer.clientId) throw invalidRefreshToken("Token is not linked to client");
  if (old.expire_time < unixSeconds(site.clock)) throw invalidRefreshToken("Token has expired");
  if (site.tokens.isRefreshRevoked(old.refresh_token_id)) {
    throw invalidRefreshToken("Token has been revoked");
  }

  // A refreshed token may keep the original scopes or fewer, never new ones.
  const scopes = resolveScopes(site, form.scope, old.scopes);

  site.tokens.revokeAccess(old.access_token_id);
  site.tokens.rotateOut(old.refresh_token_id);
  return issueTokens(site, consumer, Number(old.user_id), scopes);
}
