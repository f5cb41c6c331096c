/**
 * `proxy.ts` and the backend proxy route while the session database is down:
 * a 503 that deletes nothing, never "signed out", a hang or a 500.
 */
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { isolatedSessionEnv } from "./session-env";

const APP = "http://localhost:3000";

let cookie: string;
let demoPath: string;
let fetchSpy: MockInstance<typeof fetch>;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "t".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", APP);
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:9");
  for (const [name, value] of Object.entries(await isolatedSessionEnv("proxy-outage"))) {
    vi.stubEnv(name, value);
  }
  const { sessionStorage } = await import("@/lib/next-jwt-auth/storage/session-storage");
  const { encodeSessionCookies } = await import("@/lib/next-jwt-auth/session/session-cookie");
  demoPath = (await import("@/app/dashboard/demo-items")).DEMO_RESOURCE_PATH;
  const token = await sessionStorage.create({
    user: { id: "1", name: "demo", roles: [] },
    tokens: { accessToken: "at", refreshToken: "rt", accessTokenExpiresAt: Date.now() + 600_000 },
  });
  const write = await encodeSessionCookies(token, { getAll: () => [] });
  cookie = write.set.map((c) => `${c.name}=${c.value}`).join("; ");
});

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Make the storage's `read` fail as a database that is down. `bundle: "other"`
 * throws an error made by a separately loaded copy of the errors module, as
 * the store shared through `globalThis` does when another bundle (proxy.ts, a
 * route handler) opened it first.
 */
async function storageDown(bundle: "same" | "other") {
  const { sessionStorage } = await import("@/lib/next-jwt-auth/storage/session-storage");
  if (bundle === "other") vi.resetModules();
  const { SessionStorageUnavailableError } = await import("@/lib/next-jwt-auth/storage/errors");
  vi.spyOn(sessionStorage, "read").mockRejectedValue(
    new SessionStorageUnavailableError("database down"),
  );
  fetchSpy = vi.spyOn(globalThis, "fetch");
}

describe("a session database that is down", () => {
  it.each(["same", "other"] as const)(
    "makes the proxy route answer 503 JSON, without calling the backend or touching the cookie (error from the %s bundle)",
    async (bundle) => {
      const route = await import("@/app/api/proxy/[...path]/route");
      await storageDown(bundle);
      const response = await route.GET(
        new NextRequest(`${APP}/api/proxy/${demoPath}`, {
          headers: { cookie, "sec-fetch-site": "same-origin" },
        }),
      );
      expect(response.status).toBe(503);
      await expect(response.json()).resolves.toEqual({ error: "session_store_unavailable" });
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(fetchSpy).not.toHaveBeenCalled();
    },
  );

  it.each([
    ["/api/auth/session", "application/json", "same"],
    ["/dashboard", "text/html", "same"],
    ["/api/auth/session", "application/json", "other"],
    ["/dashboard", "text/html", "other"],
  ] as const)(
    "makes proxy.ts answer %s with a 503 %s and keep the cookie (error from the %s bundle)",
    async (path, type, bundle) => {
      const { proxy } = await import("@/proxy");
      await storageDown(bundle);
      const response = await proxy(new NextRequest(`${APP}${path}`, { headers: { cookie } }));
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toContain(type);
      expect(response.headers.get("set-cookie")).toBeNull();
    },
  );
});
