import {
  ForbiddenException,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from "@nestjs/common";
import type { Request } from "express";
import { StatsService } from "../../stats/stats.service";
import { bearerToken, type RefreshRequest } from "../bearer";
import { TokensService } from "../tokens.service";

/**
 * The refresh recipe's `RefreshTokenGuard` (its `jwt-refresh` strategy): a refresh token
 * signed with the refresh secret and not expired, in `Authorization: Bearer`. Whether it is
 * still the session's current one is the service's business. Refusals are 403
 * "Access Denied", like the service's, so that every refused refresh looks the same.
 */
@Injectable()
export class RefreshTokenGuard implements CanActivate {
  constructor(
    @Inject(TokensService) private readonly tokens: TokensService,
    @Inject(StatsService) private readonly stats: StatsService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(request);
    try {
      if (!token) throw new Error("no bearer token");
      (request as RefreshRequest).user = this.tokens.verifyRefresh(token);
      (request as RefreshRequest).refreshToken = token;
      return true;
    } catch {
      this.stats.count("rejectedRefreshes");
      throw new ForbiddenException("Access Denied");
    }
  }
}
