import { readConfig } from "./config.js";
import { createBackend, listen } from "./server.js";

let config;
try {
  config = readConfig(process.env);
} catch (error) {
  console.error(`[rest-backend] ${(error as Error).message}`);
  process.exit(1);
}

const { server } = createBackend(config);
const port = await listen(server, config.port);
console.log(`listening on http://127.0.0.1:${port}`);

function stop(): void {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open.
  server.closeAllConnections();
}
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
