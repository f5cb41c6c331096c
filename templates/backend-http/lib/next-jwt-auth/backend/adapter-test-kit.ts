// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { afterEach } from "vitest";
import { createMockBackend, type HttpMockOptions } from "@/mock/backend";
import { serveMock, type RunningMock } from "@/mock/kit/server";
import { isBackendError, type BackendErrorCode } from "./errors";

/** What the HTTP adapter's tests and the preset's tests (`lib/backend/config.test.ts`) share. */

export const DEMO = { username: "demo", password: "demo-password" };

/**
 * Start the built-in mock on a free port, as often as a test likes; every mock
 * started is closed after each test.
 */
export function mockServers() {
  const running: RunningMock[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((mock) => mock.close()));
  });
  return {
    async start(options: Partial<HttpMockOptions> = {}): Promise<RunningMock> {
      const mock = await serveMock(
        await createMockBackend({ accessTtlSeconds: 60, refreshTtlSeconds: 3600, ...options }),
        0,
      );
      running.push(mock);
      return mock;
    },
    /** Stop a mock early, so that its port is closed: a backend that is down. */
    async stop(mock: RunningMock): Promise<void> {
      running.splice(running.indexOf(mock), 1);
      await mock.close();
    },
  };
}

/** The code of the `BackendError` a promise rejects with. */
export async function errorCode(promise: Promise<unknown>): Promise<BackendErrorCode> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isBackendError(error)) throw new Error(`expected a BackendError, got ${String(error)}`);
  return error.code;
}

/** A backend that answers every request with the given status and body, recording the requests. */
export function answering(status: number, body: unknown, calls: Request[] = []): typeof fetch {
  return async (input, init) => {
    calls.push(new Request(input, init));
    return new Response(typeof body === "string" ? body : JSON.stringify(body), {
      status,
      headers: { "Content-Type": typeof body === "string" ? "text/html" : "application/json" },
    });
  };
}
