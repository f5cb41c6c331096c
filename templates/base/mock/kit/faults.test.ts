/**
 * The mock's test-control faults, through this app's own mock and adapter, so
 * each style's `isRefresh` is checked against the refresh its adapter sends.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_RESOURCE_PATH } from "@/app/dashboard/demo-items";
import { BACKEND_FORWARDING } from "@/lib/backend/forwarding";
import type { BackendAdapter } from "@/lib/next-jwt-auth/backend/types";
import { createMockBackend } from "@/mock/backend";
import { serveMock, type RunningMock } from "./server";

let mock: RunningMock;
let adapter: BackendAdapter;

function post(path: string, body?: unknown): Promise<Response> {
  return fetch(`${mock.url}${path}`, {
    method: "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  mock = await serveMock(
    await createMockBackend({ accessTtlSeconds: 60, refreshTtlSeconds: 300 }),
    0,
  );
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", mock.url);
  adapter = (await import("@/lib/next-jwt-auth/backend/get-adapter")).getAdapter();
});
afterAll(async () => {
  await mock.close();
  vi.unstubAllEnvs();
});
beforeEach(async () => {
  expect((await post("/__mock/reset")).status).toBe(204);
});

const demoLogin = () => adapter.login({ username: "demo", password: "demo-password" });

/** The status of the demo resource, read with `accessToken` as the app reads it. */
async function demoStatus(accessToken: string): Promise<number> {
  const response = await fetch(`${mock.url}/${DEMO_RESOURCE_PATH}`, {
    headers: { ...BACKEND_FORWARDING.resourceHeaders, authorization: `Bearer ${accessToken}` },
  });
  return response.status;
}

describe("POST /__mock/faults", () => {
  it("makes a refresh answer the given status without using up the refresh token", async () => {
    const tokens = await demoLogin();
    expect((await post("/__mock/faults", { refresh: { status: 503, delayMs: 10 } })).status).toBe(
      204,
    );
    await expect(adapter.refresh(tokens.refreshToken)).rejects.toMatchObject({
      code: "unavailable",
    });
    expect(mock.store.stats).toMatchObject({ refreshes: 0, rejectedRefreshes: 0 });
    const state = await (await fetch(`${mock.url}/__mock/faults`)).json();
    expect(state).toMatchObject({ heldRefreshes: 1 });
    // Switched off again, the same refresh token still works: the outage touched nothing.
    expect((await post("/__mock/faults", {})).status).toBe(204);
    await expect(adapter.refresh(tokens.refreshToken)).resolves.toHaveProperty("accessToken");
  });

  it("leaves sign-in and the resources alone while refresh is down", async () => {
    await post("/__mock/faults", { refresh: { status: 503, delayMs: 0 } });
    const tokens = await demoLogin();
    expect(await demoStatus(tokens.accessToken)).toBe(200);
  });

  it("makes the listed paths answer 401 to a good token, and the identity check still accepts it", async () => {
    const tokens = await demoLogin();
    await post("/__mock/faults", { unauthorizedPaths: [`/${DEMO_RESOURCE_PATH}`] });
    expect(await demoStatus(tokens.accessToken)).toBe(401);
    await expect(adapter.me(tokens.accessToken)).resolves.toHaveProperty("id");
  });

  it("is switched off by POST /__mock/reset", async () => {
    await post("/__mock/faults", { unauthorizedPaths: [`/${DEMO_RESOURCE_PATH}`] });
    await post("/__mock/reset");
    const tokens = await demoLogin();
    expect(await demoStatus(tokens.accessToken)).toBe(200);
  });

  it.each([
    ["not JSON", "{"],
    ["a refresh fault without a status", JSON.stringify({ refresh: { delayMs: 1 } })],
    ["paths that are not strings", JSON.stringify({ unauthorizedPaths: [1] })],
  ])("refuses %s with 400", async (_label, body) => {
    const response = await fetch(`${mock.url}/__mock/faults`, { method: "POST", body });
    expect(response.status).toBe(400);
  });
});
