import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, UseGuards } from "@nestjs/common";
import type { AuthenticatedRequest, RefreshRequest } from "./bearer";
import { AuthService, type Profile } from "./auth.service";
import { LoginDto } from "./dto/login.dto";
import { AccessTokenGuard } from "./guards/access-token.guard";
import { RefreshTokenGuard } from "./guards/refresh-token.guard";
import { ResourceCall } from "./resource-call.decorator";
import { StatsService } from "../stats/stats.service";
import type { TokenPair } from "./tokens.service";

@Controller("auth")
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(StatsService) private readonly stats: StatsService,
  ) {}

  /** `LoginDto` must stay a class imported as a value: ValidationPipe reads it from metadata. */
  @Post("login")
  @HttpCode(HttpStatus.OK)
  login(@Body() body: LoginDto): Promise<TokenPair> {
    return this.auth.signIn(body.username, body.password);
  }

  @Post("refresh")
  @HttpCode(HttpStatus.OK)
  @UseGuards(RefreshTokenGuard)
  refresh(@Req() request: RefreshRequest): TokenPair {
    return this.auth.refresh(request.user, request.refreshToken);
  }

  @Get("profile")
  @UseGuards(AccessTokenGuard)
  @ResourceCall()
  profile(@Req() request: AuthenticatedRequest): Profile {
    const profile = this.auth.profile(request.user);
    this.stats.count("resourceCalls");
    return profile;
  }

  @Post("logout")
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(AccessTokenGuard)
  logout(@Req() request: AuthenticatedRequest): void {
    this.auth.logout(request.user);
  }
}
