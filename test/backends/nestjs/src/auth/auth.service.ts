import { ForbiddenException, Inject, Injectable, UnauthorizedException } from "@nestjs/common";
import { StatsService } from "../stats/stats.service";
import { UsersService } from "../users/users.service";
import { SessionsService } from "./sessions.service";
import { TokensService, type AccessPayload, type RefreshPayload, type TokenPair } from "./tokens.service";

export interface Profile {
  sub: number;
  username: string;
  email: string | undefined;
  /** The authorization recipe's `roles`, read from the user as they are now. */
  roles: readonly string[];
  iat: number;
  exp: number;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(TokensService) private readonly tokens: TokensService,
    @Inject(StatsService) private readonly stats: StatsService,
  ) {}

  /** The recipe's `signIn`, starting a new session (one per sign-in, so one per device). */
  async signIn(username: string, password: string): Promise<TokenPair> {
    const user = await this.users.verifyCredentials(username, password);
    if (!user) {
      this.stats.count("failedLogins");
      throw new UnauthorizedException("Invalid credentials");
    }
    const sid = this.sessions.newSessionId();
    const tokens = this.tokens.issue(user, sid);
    this.sessions.start(sid, user.userId, tokens.refresh_token);
    this.stats.count("logins");
    return tokens;
  }

  /**
   * The refresh recipe's `refreshTokens`, with rotation and reuse detection: the presented
   * token must be the session's current one; a token an earlier refresh rotated out ends
   * the whole session (someone holds a copy). No await from here to the answer.
   */
  refresh(payload: RefreshPayload, token: string): TokenPair {
    const user = this.users.findById(payload.sub);
    const outcome = user
      ? this.sessions.rotate(
          { sid: payload.sid, userId: user.userId, token, expiresAt: payload.exp * 1000 },
          () => this.tokens.issue(user, payload.sid),
        )
      : ({ kind: "unknown" } as const);
    if (outcome.kind === "rotated") {
      this.stats.count("refreshes");
      return outcome.tokens;
    }
    if (outcome.kind === "reused") {
      this.stats.count("reusedRefreshes");
      this.sessions.revoke(outcome.sid);
    }
    this.stats.count("rejectedRefreshes");
    throw new ForbiddenException("Access Denied");
  }

  /** The recipe's `logout`: forget the session's refresh-token hash. */
  logout(payload: AccessPayload): void {
    if (this.sessions.revoke(payload.sid)) this.stats.count("logouts");
  }

  profile(payload: AccessPayload): Profile {
    const user = this.users.findById(payload.sub);
    return {
      sub: payload.sub,
      username: payload.username,
      email: user?.email,
      roles: user?.roles ?? [],
      iat: payload.iat,
      exp: payload.exp,
    };
  }
}
