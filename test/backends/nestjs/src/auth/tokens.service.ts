import { Inject, Injectable } from "@nestjs/common";
import { JwtService } from "@nestjs/jwt";
import { randomUUID } from "node:crypto";
import { APP_CONFIG, type AppConfig } from "../config/app-config";

/** What the access token carries: the recipe's `{sub, username}` plus the session id. */
export interface AccessPayload {
  sub: number;
  username: string;
  sid: string;
  iat: number;
  exp: number;
}

/** The refresh token: the same identity, and a `jti` so that no two are ever equal. */
export interface RefreshPayload extends AccessPayload {
  jti: string;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
}

const ALGORITHM = "HS256";

/**
 * Signs and checks both tokens, each with its own secret (the refresh recipe's
 * `JWT_ACCESS_SECRET` / `JWT_REFRESH_SECRET`), so neither is accepted in place of the other.
 * Signing is synchronous so that a refresh can rotate without awaiting anything.
 */
@Injectable()
export class TokensService {
  constructor(
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(user: { userId: number; username: string }, sid: string): TokenPair {
    const claims = { sub: user.userId, username: user.username, sid };
    return {
      access_token: this.jwt.sign(claims, {
        secret: this.config.accessSecret,
        expiresIn: this.config.accessTtl,
        algorithm: ALGORITHM,
      }),
      refresh_token: this.jwt.sign(
        { ...claims, jti: randomUUID() },
        { secret: this.config.refreshSecret, expiresIn: this.config.refreshTtl, algorithm: ALGORITHM },
      ),
    };
  }

  /** The payload of a valid, unexpired access token; throws otherwise. */
  verifyAccess(token: string): AccessPayload {
    return checked(
      this.jwt.verify<AccessPayload>(token, {
        secret: this.config.accessSecret,
        algorithms: [ALGORITHM],
      }),
    );
  }

  /** The payload of a valid, unexpired refresh token; throws otherwise. */
  verifyRefresh(token: string): RefreshPayload {
    const payload = checked(
      this.jwt.verify<RefreshPayload>(token, {
        secret: this.config.refreshSecret,
        algorithms: [ALGORITHM],
      }),
    );
    if (typeof payload.jti !== "string") throw new Error("refresh token without jti");
    return payload;
  }
}

function checked<T extends AccessPayload>(payload: T): T {
  if (
    typeof payload.sub !== "number" ||
    typeof payload.username !== "string" ||
    typeof payload.sid !== "string" ||
    typeof payload.exp !== "number" ||
    typeof payload.iat !== "number"
  ) {
    throw new Error("token without the expected claims");
  }
  return payload;
}
