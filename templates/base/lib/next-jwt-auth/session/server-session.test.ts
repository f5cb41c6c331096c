// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The data-access check Server Components use, with the real storage of this
 * app and a backend that cannot be reached.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isolatedSessionEnv } from "@/test/session-env";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";

let jar: { name: string; value: string }[] = [];
vi.mock("next/headers", () => ({ cookies: () => Promise.resolve({ getAll: () => jar }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect to ${url}`);
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
}));

const USER = { id: "1", name: "demo", roles: [] as string[] };
const ADMIN = { id: "2", name: "root", roles: ["admin"] };
const HOUR = 3_600_000;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  // Nothing listens there: every refresh attempt finds the backend unreachable.
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:9");
  vi.stubEnv("BACKEND_TIMEOUT_MS", "500");
  for (const [name, value] of Object.entries(await isolatedSessionEnv("session"))) {
    vi.stubEnv(name, value);
  }
});
afterAll(() => {
  vi.unstubAllEnvs();
});

/** Store a session with these tokens through the app's own storage and put its cookie in the jar. */
async function signedIn(tokens: TokenSet, user = USER): Promise<typeof import("./server-session")> {
  vi.resetModules();
  const { sessionStorage } = await import("@/lib/next-jwt-auth/storage/session-storage");
  const { encodeSessionCookies } = await import("./session-cookie");
  const token = await sessionStorage.create({ user, tokens });
  jar = (await encodeSessionCookies(token, { getAll: () => [] })).set;
  return import("./server-session");
}

describe("getSession / requireSession", () => {
  it("return a live session with fresh tokens, not marked expired", async () => {
    const { requireSession } = await signedIn({
      accessToken: "at",
      refreshToken: "rt",
      accessTokenExpiresAt: Date.now() + HOUR,
    });
    await expect(requireSession("/dashboard")).resolves.toMatchObject({
      user: USER,
      tokensExpired: false,
    });
  });

  it("keep the user signed in when the access token expired and the backend is down, marking the tokens expired", async () => {
    const { getSession, requireSession } = await signedIn({
      accessToken: "at",
      refreshToken: "rt",
      accessTokenExpiresAt: Date.now() - 1_000,
      refreshTokenExpiresAt: Date.now() + HOUR,
    });
    await expect(getSession()).resolves.toMatchObject({ user: USER, tokensExpired: true });
    // An outage is not a sign-out: no redirect to /login.
    await expect(requireSession("/dashboard")).resolves.toMatchObject({ tokensExpired: true });
  });

  it.each(["/settings", "/dashboards", "/"])(
    "refuse a page app.config.ts does not protect (%s), which proxy.ts would never refresh",
    async (page) => {
      const { requireSession } = await signedIn({
        accessToken: "at",
        refreshToken: "rt",
        accessTokenExpiresAt: Date.now() + HOUR,
      });
      await expect(requireSession(page)).rejects.toThrow(
        "add its prefix to protectedPages in app.config.ts",
      );
    },
  );

  it("accept every page app.config.ts protects, with or without a query", async () => {
    const { requireSession } = await signedIn({
      accessToken: "at",
      refreshToken: "rt",
      accessTokenExpiresAt: Date.now() + HOUR,
    });
    await expect(requireSession("/account")).resolves.toMatchObject({ user: USER });
    await expect(requireSession("/dashboard/reports?x=1")).resolves.toMatchObject({ user: USER });
  });

  it("send a browser without a session to /login", async () => {
    vi.resetModules();
    jar = [];
    const { requireSession } = await import("./server-session");
    await expect(requireSession("/dashboard")).rejects.toThrow(
      "redirect to /login?callbackUrl=%2Fdashboard",
    );
  });
});

describe("role pages and requireRole", () => {
  const fresh = (): TokenSet => ({
    accessToken: "at",
    refreshToken: "rt",
    accessTokenExpiresAt: Date.now() + HOUR,
  });

  it.each([
    ["opens a role page of app.config.ts for a user with its role", ADMIN, "/admin", "open"],
    ["and the pages below it", ADMIN, "/admin/users?x=1", "open"],
    [
      "answers 403, not a login redirect, to a signed-in user without it",
      USER,
      "/admin",
      "forbidden",
    ],
    ["also below the role page", USER, "/admin/users", "forbidden"],
    ["lets that user open the protected pages without a role", USER, "/dashboard", "open"],
  ])("requireSession %s", async (_, user, page, outcome) => {
    const { requireSession } = await signedIn(fresh(), user);
    const result = requireSession(page);
    if (outcome === "open") await expect(result).resolves.toMatchObject({ user });
    else await expect(result).rejects.toThrow("forbidden");
  });

  it("requireSession sends a browser without a session on a role page to /login", async () => {
    vi.resetModules();
    jar = [];
    const { requireSession } = await import("./server-session");
    await expect(requireSession("/admin")).rejects.toThrow(
      "redirect to /login?callbackUrl=%2Fadmin",
    );
  });

  it.each([
    ["passes a user with the role", ADMIN, "admin", "open"],
    ["answers 403 to a user without it", USER, "admin", "forbidden"],
    ["compares names exactly", ADMIN, "Admin", "forbidden"],
  ])("requireRole %s", async (_, user, role, outcome) => {
    const { requireRole } = await signedIn(fresh(), user);
    const result = requireRole(role, "/dashboard");
    if (outcome === "open") await expect(result).resolves.toMatchObject({ user });
    else await expect(result).rejects.toThrow("forbidden");
  });

  it("requireRole sends a browser without a session to /login before any role check", async () => {
    vi.resetModules();
    jar = [];
    const { requireRole } = await import("./server-session");
    await expect(requireRole("admin", "/dashboard")).rejects.toThrow("redirect to /login");
  });
});
