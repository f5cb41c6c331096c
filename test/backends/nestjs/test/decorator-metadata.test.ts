import { createRequire } from "node:module";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { INestApplication } from "@nestjs/common";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, call } from "./helpers";

/**
 * Decorator metadata is what makes ValidationPipe validate: it learns the DTO class of
 * `login(@Body() body: LoginDto)` from `design:paramtypes`, which tsc emits and esbuild/tsx
 * do not. These tests load the compiled dist/ with Node's own require, as `node dist/main.js`
 * does, and show both sides: the metadata is there, and without it validation silently stops.
 */
const load = createRequire(join(ROOT, "package.json"));
load("reflect-metadata");
const { createApp } = load("./dist/app.js") as typeof import("../src/app");
const { AuthController } = load("./dist/auth/auth.controller.js") as typeof import("../src/auth/auth.controller");
const { LoginDto } = load("./dist/auth/dto/login.dto.js") as typeof import("../src/auth/dto/login.dto");

const KEY = "design:paramtypes";
let app: INestApplication | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function listen(quiet = false): Promise<string> {
  app = await createApp(quiet ? { logger: false } : {});
  await app.listen(0, "127.0.0.1");
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

describe("decorator metadata (tsc with emitDecoratorMetadata)", () => {
  it("is emitted: the login handler's parameter type is the LoginDto class", () => {
    expect(Reflect.getMetadata(KEY, AuthController.prototype, "login")).toEqual([LoginDto]);
  });

  it("makes ValidationPipe refuse an empty login body with 400 in the compiled app", async () => {
    const url = await listen();
    const answer = await call(`${url}/auth/login`, { method: "POST", json: {} });
    expect(answer.status).toBe(400);
  });

  it("is what validation depends on: without it an empty body gets past ValidationPipe", async () => {
    const saved = Reflect.getMetadata(KEY, AuthController.prototype, "login") as unknown[];
    Reflect.deleteMetadata(KEY, AuthController.prototype, "login");
    try {
      const url = await listen(true);
      const empty = await call(`${url}/auth/login`, { method: "POST", json: {} });
      // Straight to the service, which finds no such user.
      expect(empty.status).toBe(401);
      const extra = await call(`${url}/auth/login`, {
        method: "POST",
        json: { username: "demo", password: "demo-password", admin: true },
      });
      // forbidNonWhitelisted is silent too: the extra field is let through and the login succeeds.
      expect(extra.status).toBe(200);
    } finally {
      Reflect.defineMetadata(KEY, saved, AuthController.prototype, "login");
    }
  });
});
