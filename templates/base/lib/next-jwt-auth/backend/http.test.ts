// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { BackendError } from "./errors";
import { backendRequest } from "./http";

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("backendRequest", () => {
  it("names the cause and the URL of a backend that cannot be reached, for the server log", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/auth/login`;
    const error = await backendRequest(url, { method: "POST" }, { timeoutMs: 5000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe("unavailable");
    expect((error as BackendError).message).toBe(
      `the backend cannot be reached (ECONNREFUSED ${url})`,
    );
  });

  it("says which call did not answer in time", async () => {
    const fetchFn = ((_url: string, init: RequestInit) =>
      new Promise((_, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as unknown as typeof fetch;
    const error = await backendRequest(
      "http://backend.test/auth/login",
      {},
      { timeoutMs: 10, fetch: fetchFn },
    ).catch((e: unknown) => e);
    expect((error as BackendError).message).toBe(
      "the backend did not answer in time (10 ms, http://backend.test/auth/login)",
    );
  });
});
