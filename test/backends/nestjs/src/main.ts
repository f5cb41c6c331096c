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

  // Serve until SIGTERM (or Ctrl-C), then close and exit 0, so that scripts waiting on the
  // process see a clean stop. Nest's enableShutdownHooks would re-raise the signal instead.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
