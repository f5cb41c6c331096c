import { readConfig } from "./config.js";
import { createDrupal } from "./server.js";

const config = readConfig(process.env);
const { server } = await createDrupal({
  version: config.version,
  accessTtl: config.accessTtl,
  refreshTtl: config.refreshTtl,
});

server.listen(config.port, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`listening on http://127.0.0.1:${port}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
