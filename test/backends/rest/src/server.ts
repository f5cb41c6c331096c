import { createServer, type Server } from "node:http";
import { AuthService } from "./auth-service.js";
import { FLAVORS, type FlavorName } from "./flavors.js";
import { createRequestHandler } from "./routes.js";
import type { Clock } from "./token-store.js";

export interface BackendOptions {
  flavor: FlavorName;
  /** Seconds. */
  accessTtl: number;
  /** Seconds. */
  refreshTtl: number;
  /** Injected in tests; `Date.now` otherwise. */
  now?: Clock;
}

/** The HTTP server (not yet listening) and the service behind it. */
export function createBackend(options: BackendOptions): { server: Server; service: AuthService } {
  const flavor = FLAVORS[options.flavor];
  const service = new AuthService({
    flavor,
    accessTtl: options.accessTtl,
    refreshTtl: options.refreshTtl,
    ...(options.now ? { now: options.now } : {}),
  });
  const handle = createRequestHandler(flavor, service);
  const server = createServer((request, response) => void handle(request, response));
  return { server, service };
}

/** Listen on 127.0.0.1; resolves to the port actually bound (for port 0). */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
