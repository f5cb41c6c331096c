import { Module } from "@nestjs/common";
import { AuthModule } from "./auth/auth.module";
import { ConfigModule } from "./config/config.module";
import { ItemsModule } from "./items/items.module";
import { StatsModule } from "./stats/stats.module";
import { TestControlModule } from "./test-control/test-control.module";
import { UsersModule } from "./users/users.module";

@Module({
  imports: [ConfigModule, StatsModule, UsersModule, AuthModule, ItemsModule, TestControlModule],
})
export class AppModule {}
