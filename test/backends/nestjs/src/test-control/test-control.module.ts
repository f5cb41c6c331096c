import { Module } from "@nestjs/common";
import { AuthModule } from "../auth/auth.module";
import { TestControlController } from "./test-control.controller";

@Module({ imports: [AuthModule], controllers: [TestControlController] })
export class TestControlModule {}
