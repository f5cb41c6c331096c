import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FaultSwitch, parseFaults } from "./faults";
import { readRequest, writeResponse, type MockHandler, type MockRequest } from "./http";
import type { TokenStore } from "./token-store";

export interface MockBackend {
  handler: MockHandler;
  store: TokenStore;
  /** Whether `request` is this style's refresh request (for the `refresh` fault). */
  isRefresh: (request: MockRequest) => boolean;
}

export interface RunningMock {
  url: string;
  store: TokenStore;
  close(): Promise<void>;
}

/**
 * Serve a style's mock on 127.0.0.1. Besides the style's own routes it answers
 * `GET /__mock/stats` (the counters), `POST /__mock/reset` (forget every
 * token and fault) and `GET`/`POST /__mock/faults` (the misbehaviour in
 * `faults.ts`), which the tests use; a real backend has none of them.
 */
export async function serveMock(backend: MockBackend, port = 0): Promise<RunningMock> {
  const { handler, store, isRefresh } = backend;
  const faults = new FaultSwitch();
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const request = await readRequest(req);
        if (request.path === "/__mock/stats" && request.method === "GET") {
          return writeResponse(res, { status: 200, body: store.stats });
        }
        if (request.path === "/__mock/reset" && request.method === "POST") {
          store.reset();
          faults.set({});
          return writeResponse(res, { status: 204 });
        }
        if (request.path === "/__mock/faults" && request.method === "GET") {
          return writeResponse(res, { status: 200, body: faults.state });
        }
        if (request.path === "/__mock/faults" && request.method === "POST") {
          const parsed = parseFaults(request.text);
          if (!parsed) return writeResponse(res, { status: 400, body: { message: "bad faults" } });
          faults.set(parsed);
          return writeResponse(res, { status: 204 });
        }
        const response = (await faults.respond(request, isRefresh)) ?? (await handler(request));
        writeResponse(res, response ?? { status: 404, body: { message: "Not Found" } });
      } catch (error) {
        console.error("mock handler failed:", error);
        if (!res.headersSent)
          writeResponse(res, { status: 500, body: { message: "mock failure" } });
        else res.end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
