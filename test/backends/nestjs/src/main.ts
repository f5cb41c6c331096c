import "reflect-metadata";
import type { AddressInfo } from "node:net";
import { createApp } from "./app";
import { APP_CONFIG, type AppConfig } from "./config/app-config";

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port, config.host);
  // PORT=0: the port the OS picked, so the startup line is always the real address.
  const { port } = app.getHttpServer().address() as AddressInfo;
  console.log(`listening on http://${config.host}:${port}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
