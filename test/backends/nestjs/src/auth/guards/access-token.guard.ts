import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import type { Request } from "express";
import { StatsService } from "../../stats/stats.service";
import { bearerToken, type AuthenticatedRequest } from "../bearer";
import { RESOURCE_CALL } from "../resource-call.decorator";
import { SessionsService } from "../sessions.service";
import { TokensService, type AccessPayload } from "../tokens.service";

/**
 * The recipe's `AuthGuard`: a valid access token in `Authorization: Bearer`, or a bare 401
 * (`{"message":"Unauthorized","statusCode":401}`, no `WWW-Authenticate`). Beyond the recipe
 * it also refuses the access tokens of a session that has ended (logout, reuse revocation,
 * reset), so that signing out takes effect at once rather than when the token expires.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    @Inject(TokensService) private readonly tokens: TokensService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(StatsService) private readonly stats: StatsService,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const payload = this.authenticate(bearerToken(request));
    if (!payload) {
      if (this.isResourceCall(context)) this.stats.count("rejectedResourceCalls");
      throw new UnauthorizedException();
    }
    (request as AuthenticatedRequest).user = payload;
    return true;
  }

  private authenticate(token: string | undefined): AccessPayload | undefined {
    if (!token) return undefined;
    let payload: AccessPayload;
    try {
      payload = this.tokens.verifyAccess(token);
    } catch {
      return undefined;
    }
    return this.sessions.isActive(payload.sid, payload.sub) ? payload : undefined;
  }

  private isResourceCall(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean | undefined>(RESOURCE_CALL, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}
