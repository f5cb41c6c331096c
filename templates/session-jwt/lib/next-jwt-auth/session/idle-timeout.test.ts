// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

const IDLE_SECONDS = 600;
const T0 = Date.UTC(2030, 0, 1);

const TOKEN: JWT = {
  sub: "1",
  user: { id: "1", name: "demo" },
  backend: { accessToken: "at", refreshToken: "rt", accessTokenExpiresAt: T0 + 3_600_000 },
  authTime: T0,
};

async function load() {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:4010");
  vi.stubEnv("SESSION_IDLE_TIMEOUT", String(IDLE_SECONDS));
  return import("./session-cookie");
}

describe("idle timeout", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("a cookie lives SESSION_IDLE_TIMEOUT after its last renewal, in the browser and on the server", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const { encodeSessionCookies, readSessionToken } = await load();
    const write = await encodeSessionCookies(TOKEN, { getAll: () => [] });
    expect(write.maxAge).toBe(IDLE_SECONDS);
    const jar = { getAll: () => write.set };

    vi.setSystemTime(T0 + (IDLE_SECONDS - 5) * 1000);
    await expect(readSessionToken(jar)).resolves.toMatchObject({ sub: "1" });
    // The browser would still send a copied cookie: the server refuses it by its own clock.
    // next-auth's decode allows 15 s of clock skew.
    vi.setSystemTime(T0 + (IDLE_SECONDS + 16) * 1000);
    await expect(readSessionToken(jar)).resolves.toBeNull();
  });

  it("a renewal (any request the proxy re-encodes) starts the idle period again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const { encodeSessionCookies, readSessionToken } = await load();
    vi.setSystemTime(T0 + (IDLE_SECONDS - 5) * 1000);
    const renewed = await encodeSessionCookies(TOKEN, { getAll: () => [] });
    vi.setSystemTime(T0 + (IDLE_SECONDS + 16) * 1000);
    await expect(readSessionToken({ getAll: () => renewed.set })).resolves.toMatchObject({
      sub: "1",
    });
  });

  it.each([
    ["within the first quarter of the window", IDLE_SECONDS / 4 - 1, false],
    ["once a quarter of the window has passed", IDLE_SECONDS / 4, true],
    ["near the end of the window", IDLE_SECONDS - 1, true],
  ])(
    "the storage asks for the cookie to be written again %s",
    async (_label, elapsedSeconds, renew) => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(T0);
      const { encodeSessionCookies, readSessionToken } = await load();
      const { sessionStorage } = await import("@/lib/next-jwt-auth/storage/session-storage");
      const write = await encodeSessionCookies(TOKEN, { getAll: () => [] });
      vi.setSystemTime(T0 + elapsedSeconds * 1000);
      const token = await readSessionToken({ getAll: () => write.set });
      await expect(sessionStorage.read(token!)).resolves.toMatchObject({ renewCookie: renew });
    },
  );
});
