// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";

// sessionState around the storage, whichever storage this app has (its own tests are next to it).
vi.mock("@/lib/next-jwt-auth/storage/session-storage", async () => {
  const { tokenSessionStorage } = await import("@/test/token-session-storage");
  return { sessionStorage: tokenSessionStorage() };
});

const NOW = Date.UTC(2030, 0, 1);
const HOUR = 3_600_000;

let sessionState: typeof import("./live-session").sessionState;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:4010");
  vi.stubEnv("SESSION_ABSOLUTE_TIMEOUT", String(12 * 3600));
  ({ sessionState } = await import("./live-session"));
});

function token(overrides: Partial<JWT> = {}): JWT {
  return {
    sub: "1",
    user: { id: "1", name: "demo", roles: [] },
    backend: {
      accessToken: "at",
      refreshToken: "rt",
      accessTokenExpiresAt: NOW + 60_000,
      refreshTokenExpiresAt: NOW + HOUR,
    },
    authTime: NOW - HOUR,
    ...overrides,
  };
}

describe("sessionState", () => {
  it("is live for a fresh token", async () => {
    await expect(sessionState(token(), NOW)).resolves.toMatchObject({ status: "live" });
  });

  it.each([
    ["no cookie", null],
    ["an ended session", token({ error: "refresh_failed" })],
    ["a token the storage holds no session for", token({ backend: undefined })],
  ])("is none for %s", async (_label, input) => {
    await expect(sessionState(input, NOW)).resolves.toEqual({ status: "none" });
  });

  // A session stored before roles existed is the storage's to read as a user with none: its
  // tests are next to it, in lib/next-jwt-auth/storage/.
  it("carries the roles the backend gave at sign-in", async () => {
    const user = { id: "1", name: "demo", roles: ["admin", "editor"] };
    const state = await sessionState(token({ user }), NOW);
    expect(state).toMatchObject({
      status: "live",
      session: { user: { roles: ["admin", "editor"] } },
    });
  });

  it("expires once the absolute timeout has passed, however active the session was", async () => {
    const old = token({ authTime: NOW - 12 * HOUR });
    await expect(sessionState(old, NOW)).resolves.toEqual({ status: "expired" });
    await expect(sessionState(old, NOW - 1)).resolves.toMatchObject({ status: "live" });
  });

  it("expires when the refresh token has, so the session never outlives it", async () => {
    const dying = token();
    await expect(sessionState(dying, NOW + HOUR)).resolves.toEqual({ status: "expired" });
  });
});
