// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";

const IDLE_SECONDS = 600;
const T0 = Date.UTC(2030, 0, 1);
const USER = { id: "1", name: "demo", roles: [] };
const TOKENS: TokenSet = {
  accessToken: "at",
  refreshToken: "rt",
  accessTokenExpiresAt: T0 + 3_600_000,
};
const NEXT: TokenSet = {
  accessToken: "at-2",
  refreshToken: "rt-2",
  accessTokenExpiresAt: T0 + 7_200_000,
};

async function load() {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:4010");
  vi.stubEnv("SESSION_IDLE_TIMEOUT", String(IDLE_SECONDS));
  return (await import("./session-storage")).sessionStorage;
}

describe("the session storage: everything in the encrypted cookie", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("keeps the backend's tokens in the token and reads them back as a live session", async () => {
    const storage = await load();
    const token = await storage.create({ user: USER, tokens: TOKENS });
    expect(token).toEqual({ sub: "1", user: USER, backend: TOKENS, authTime: T0 });
    await expect(storage.read(token)).resolves.toMatchObject({
      user: USER,
      tokens: TOKENS,
      authTime: T0,
    });
  });

  it("reads a cookie written before roles existed as a user with none", async () => {
    const storage = await load();
    const token = await storage.create({ user: USER, tokens: TOKENS });
    const before = { ...token, user: { id: "1", name: "demo" } } as JWT;
    await expect(storage.read(before)).resolves.toMatchObject({ user: { roles: [] } });
  });

  it.each([
    ["an ended session", { error: "refresh_failed" }],
    ["a token without backend tokens", { backend: undefined }],
    ["a token without a user", { user: undefined }],
    ["a token with an empty refresh token", { backend: { ...TOKENS, refreshToken: "" } }],
  ] as [string, Partial<JWT>][])("holds no session for %s", async (_label, overrides) => {
    const storage = await load();
    const token = { ...(await storage.create({ user: USER, tokens: TOKENS })), ...overrides };
    await expect(storage.read(token)).resolves.toBeNull();
  });

  it("writes a rotation into the token, and an end drops the tokens but keeps the user", async () => {
    const storage = await load();
    const token = await storage.create({ user: USER, tokens: TOKENS });
    await expect(storage.persistRotation(token, TOKENS, NEXT)).resolves.toMatchObject({
      backend: NEXT,
    });
    const ended = await storage.end(token, "refresh_failed", TOKENS);
    expect(ended).toMatchObject({ user: USER, error: "refresh_failed" });
    expect(ended.backend).toBeUndefined();
    await expect(storage.read(ended)).resolves.toBeNull();
  });

  it.each([
    ["within the first quarter of the window", IDLE_SECONDS / 4 - 1, false],
    ["once a quarter of the window has passed", IDLE_SECONDS / 4, true],
    ["near the end of the window", IDLE_SECONDS - 1, true],
  ])("asks for the cookie to be written again %s", async (_label, elapsedSeconds, renew) => {
    const storage = await load();
    // Through the real cookie, whose `iat` says when it was last written.
    const { encodeSessionCookies, readSessionToken } =
      await import("@/lib/next-jwt-auth/session/session-cookie");
    const token = await storage.create({ user: USER, tokens: TOKENS });
    const write = await encodeSessionCookies(token, { getAll: () => [] });
    vi.setSystemTime(T0 + elapsedSeconds * 1000);
    const read = await readSessionToken({ getAll: () => write.set });
    await expect(storage.read(read!)).resolves.toMatchObject({ renewCookie: renew });
  });
});
