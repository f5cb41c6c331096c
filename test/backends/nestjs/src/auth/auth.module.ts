import { Module } from "@nestjs/common";
import { JwtModule } from "@nestjs/jwt";
import { UsersModule } from "../users/users.module";
import { AuthController } from "./auth.controller";
import { AuthService } from "./auth.service";
import { AccessTokenGuard } from "./guards/access-token.guard";
import { RefreshTokenGuard } from "./guards/refresh-token.guard";
import { SessionsService } from "./sessions.service";
import { TokensService } from "./tokens.service";

@Module({
  // Secrets and lifetimes are passed per token (two secrets), as in the refresh recipe.
  imports: [UsersModule, JwtModule.register({})],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, TokensService, AccessTokenGuard, RefreshTokenGuard],
  // What a module needs to put AccessTokenGuard on its own routes, and what reset clears.
  exports: [SessionsService, TokensService, AccessTokenGuard],
})
export class AuthModule {}
