import { Module } from "@nestjs/common";
import { AuthModule } from "../auth/auth.module";
import { ItemsController } from "./items.controller";

@Module({ imports: [AuthModule], controllers: [ItemsController] })
export class ItemsModule {}
