// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The session `backendFetch` calls with once the access token has expired,
 * where `proxy.ts` did not refresh it: a scripted backend, an in-memory
 * storage that keeps the tokens in the cookie (or, with `ownRefresh`, keeps
 * rotations itself, as a storage on the server does), the real cookie codec, and
 * `next/headers` playing a Server Component (read-only cookies) or a Server
 * Action / route handler (writable cookies).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BackendError } from "@/lib/next-jwt-auth/backend/errors";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import type { LiveSession, SessionStorage } from "@/lib/next-jwt-auth/storage/types";

const backend = vi.hoisted(() => ({
  refresh: undefined as unknown as import("vitest").Mock<
    (refreshToken: string) => Promise<TokenSet>
  >,
}));
backend.refresh = vi.fn();
vi.mock("@/lib/next-jwt-auth/backend/get-adapter", () => ({
  getAdapter: () => ({ refresh: backend.refresh }),
}));

type Cookie = { name: string; value: string };
/** The request as `next/headers` shows it: its cookies, whether they may be written, its headers. */
const request = vi.hoisted(() => ({
  jar: [] as Cookie[],
  writable: false,
  written: [] as Cookie[],
  headers: new Headers(),
}));
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      getAll: () => request.jar,
      set(name: string, value: string) {
        if (!request.writable) {
          throw new Error("Cookies can only be modified in a Server Action or Route Handler.");
        }
        request.written.push({ name, value });
        request.jar = [...request.jar.filter((c) => c.name !== name), { name, value }];
      },
    }),
  headers: () => Promise.resolve(request.headers),
}));

/** Keeps the whole session in the token; `ownRefresh` adds a storage-side refresh. */
const fake = vi.hoisted(() => ({ ownRefresh: false }));
vi.mock("@/lib/next-jwt-auth/storage/session-storage", () => {
  const sessionStorage: SessionStorage & { refresh?: SessionStorage["refresh"] } = {
    jwt: undefined,
    create: ({ user, tokens }) => Promise.resolve({ user, backend: tokens, authTime: Date.now() }),
    read(token) {
      const { user, backend: tokens, authTime } = token;
      if (token.error || !user || !tokens || authTime === undefined) return Promise.resolve(null);
      const session: LiveSession = { user, tokens, authTime };
      return Promise.resolve(session);
    },
    persistRotation: (token, _previous, next) => Promise.resolve({ ...token, backend: next }),
    end: (_token, reason) => Promise.resolve({ error: reason }),
  };
  return {
    sessionStorage: new Proxy(sessionStorage, {
      get(target, prop, receiver) {
        if (prop !== "refresh") return Reflect.get(target, prop, receiver) as unknown;
        if (!fake.ownRefresh) return undefined;
        // Rotation kept in the storage: the cookie stays as it was.
        return async (token: object) => ({
          status: "rotated",
          token,
          tokens: await backend.refresh("rt-1"),
        });
      },
    }),
  };
});

const USER = { id: "1", name: "demo", roles: [] };
const tokens = (name: string, inMs: number): TokenSet => ({
  accessToken: `at-${name}`,
  refreshToken: `rt-${name}`,
  accessTokenExpiresAt: Date.now() + inMs,
});
const HOUR = 3_600_000;

/** Sign in with `backendTokens`, put the cookie in the jar, and load the module fresh. */
async function signedIn(backendTokens: TokenSet) {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_SECRET", "b".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:9");
  (await import("./single-flight")).resetSingleFlight();
  const { encodeSessionCookies, readSessionToken } = await import("./session-cookie");
  const { sessionStorage } = await import("@/lib/next-jwt-auth/storage/session-storage");
  const token = await sessionStorage.create({ user: USER, tokens: backendTokens });
  request.jar = (await encodeSessionCookies(token, { getAll: () => [] })).set;
  const { backendCallSession } = await import("./backend-call-session");
  return {
    backendCallSession,
    /** The token the browser holds now. */
    browserToken: () => readSessionToken({ getAll: () => request.jar }),
  };
}

beforeEach(() => {
  backend.refresh.mockReset();
  request.writable = false;
  request.written = [];
  request.headers = new Headers();
  fake.ownRefresh = false;
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("backendCallSession", () => {
  it.each([
    { where: "a Server Component", writable: false },
    { where: "a Server Action or route handler", writable: true },
  ])(
    "calls with a fresh access token as it is, refreshing nothing, in $where",
    async ({ writable }) => {
      const fresh = tokens("1", HOUR);
      const app = await signedIn(fresh);
      request.writable = writable;
      await expect(app.backendCallSession()).resolves.toMatchObject({
        status: "live",
        session: { tokens: fresh },
      });
      expect(backend.refresh).not.toHaveBeenCalled();
      expect(request.written).toEqual([]);
    },
  );

  it("does not exchange the refresh token in a Server Component of a page proxy.ts does not refresh, which could not store the rotated one", async () => {
    const app = await signedIn(tokens("1", -1_000));
    await expect(app.backendCallSession()).resolves.toEqual({ status: "not_refreshed" });
    expect(backend.refresh).not.toHaveBeenCalled();
  });

  it("says the backend is unavailable in a Server Component of a page whose refresh proxy.ts tried", async () => {
    const app = await signedIn(tokens("1", -1_000));
    request.headers = new Headers({ "x-next-jwt-auth-session-step": "1" });
    await expect(app.backendCallSession()).resolves.toEqual({ status: "unavailable" });
    expect(backend.refresh).not.toHaveBeenCalled();
  });

  it("refreshes in a Server Action or route handler, writes the rotated cookie and calls with the new tokens", async () => {
    const app = await signedIn(tokens("1", -1_000));
    request.writable = true;
    const rotated = tokens("2", HOUR);
    backend.refresh.mockResolvedValue(rotated);
    await expect(app.backendCallSession()).resolves.toMatchObject({
      status: "live",
      session: { tokens: rotated, tokensExpired: false },
    });
    expect(backend.refresh).toHaveBeenCalledExactlyOnceWith("rt-1");
    await expect(app.browserToken()).resolves.toMatchObject({ backend: rotated });
  });

  it("ends the session in a Server Action or route handler when the backend refuses the refresh token, writing the ended cookie", async () => {
    const app = await signedIn(tokens("1", -1_000));
    request.writable = true;
    backend.refresh.mockRejectedValue(new BackendError("refresh_rejected", "revoked", 401));
    await expect(app.backendCallSession()).resolves.toEqual({ status: "ended" });
    await expect(app.browserToken()).resolves.toMatchObject({ error: "refresh_failed" });
  });

  it("keeps the session in a Server Action or route handler when the refresh cannot reach the backend", async () => {
    const app = await signedIn(tokens("1", -1_000));
    request.writable = true;
    backend.refresh.mockRejectedValue(new BackendError("unavailable", "down", 503));
    await expect(app.backendCallSession()).resolves.toEqual({ status: "unavailable" });
    await expect(app.browserToken()).resolves.toMatchObject({ backend: { refreshToken: "rt-1" } });
  });

  it("refreshes in a Server Component when the storage keeps the rotation itself, writing no cookie", async () => {
    fake.ownRefresh = true;
    const app = await signedIn(tokens("1", -1_000));
    const rotated = tokens("2", HOUR);
    backend.refresh.mockResolvedValue(rotated);
    await expect(app.backendCallSession()).resolves.toMatchObject({
      status: "live",
      session: { tokens: rotated },
    });
    expect(backend.refresh).toHaveBeenCalledOnce();
    expect(request.written).toEqual([]);
  });

  it("finds no session without a cookie", async () => {
    const app = await signedIn(tokens("1", HOUR));
    request.jar = [];
    await expect(app.backendCallSession()).resolves.toEqual({ status: "none" });
  });
});
