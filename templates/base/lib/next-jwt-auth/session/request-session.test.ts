// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The request-session step shared by proxy.ts and the backend proxy route, on
 * its own: a scripted backend, an in-memory session storage (how the app's
 * own storage keeps sessions is tested next to it; proxy and route tests run
 * the step with it) and the real cookie codec, on an injected clock.
 */
import type { JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BackendError } from "@/lib/next-jwt-auth/backend/errors";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import type { LiveSession, SessionStorage } from "@/lib/next-jwt-auth/storage/types";

const T0 = Date.UTC(2030, 0, 1);
const ABSOLUTE_SECONDS = 3600;

const backend = vi.hoisted(() => ({
  refresh: undefined as unknown as import("vitest").Mock<
    (refreshToken: string) => Promise<TokenSet>
  >,
}));
backend.refresh = vi.fn();
vi.mock("@/lib/next-jwt-auth/backend/get-adapter", () => ({
  getAdapter: () => ({ refresh: backend.refresh }),
}));

/** A session storage that keeps everything in the token; `renewDue` plays the idle-renewal clock. */
const fake = vi.hoisted(() => ({ ended: [] as string[], renewDue: false }));
vi.mock("@/lib/next-jwt-auth/storage/session-storage", () => {
  const sessionStorage: SessionStorage = {
    jwt: undefined,
    create: ({ user, tokens }) => Promise.resolve({ user, backend: tokens, authTime: Date.now() }),
    read(token) {
      const { user, backend: tokens, authTime } = token;
      if (token.error || !user || !tokens || authTime === undefined) return Promise.resolve(null);
      const session: LiveSession = { user, tokens, authTime };
      return Promise.resolve(fake.renewDue ? { ...session, renewCookie: true } : session);
    },
    persistRotation: (token, _previous, next) => Promise.resolve({ ...token, backend: next }),
    end(_token, reason) {
      fake.ended.push(reason);
      return Promise.resolve({ error: reason });
    },
  };
  return { sessionStorage };
});

type Cookies = { getAll(): { name: string; value: string }[] };
const NO_COOKIES: Cookies = { getAll: () => [] };
const USER = { id: "1", name: "demo", roles: [] };

/** Tokens whose access token expires `inMs` from now. */
const tokens = (name: string, inMs: number): TokenSet => ({
  accessToken: `at-${name}`,
  refreshToken: `rt-${name}`,
  accessTokenExpiresAt: Date.now() + inMs,
});
const FRESH_MS = 3_600_000;

async function load() {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_SECRET", "r".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:9");
  vi.stubEnv("SESSION_ABSOLUTE_TIMEOUT", String(ABSOLUTE_SECONDS));
  const step = await import("./request-session");
  const { sessionStorage } = await import("@/lib/next-jwt-auth/storage/session-storage");
  const { encodeSessionCookies, readSessionToken } = await import("./session-cookie");
  (await import("./single-flight")).resetSingleFlight();

  /** The cookies a browser holds after `write`. */
  const cookiesOf = (write: { set: { name: string; value: string }[] }): Cookies => ({
    getAll: () => write.set,
  });
  /** The cookies that carry `token`, written now. */
  const cookiesFor = async (token: JWT) => cookiesOf(await encodeSessionCookies(token, NO_COOKIES));
  return {
    ...step,
    cookiesOf,
    cookiesFor,
    /** Sign in now with `tokens`: the session's token. */
    signIn: (tokens: TokenSet) => sessionStorage.create({ user: USER, tokens }),
    /** The token a cookie write carries. */
    decode: (write: { set: { name: string; value: string }[] }) =>
      readSessionToken(cookiesOf(write)),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
  backend.refresh.mockReset();
  fake.ended = [];
  fake.renewDue = false;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("requestSession", () => {
  it.each([
    ["no cookie", NO_COOKIES],
    [
      "a cookie that does not decode",
      { getAll: () => [{ name: "next-auth.session-token", value: "x" }] },
    ],
  ])("finds no session and writes nothing for %s", async (_label, cookies) => {
    const app = await load();
    await expect(app.requestSession(cookies, { renew: true })).resolves.toEqual({
      status: "none",
      token: null,
    });
    expect(backend.refresh).not.toHaveBeenCalled();
  });

  it("finds no session, and ends nothing again, behind the cookie of a session ended earlier", async () => {
    const app = await load();
    const session = await app.requestSession(await app.cookiesFor({ error: "refresh_failed" }), {
      renew: true,
    });
    expect(session).toEqual({
      status: "none",
      token: expect.objectContaining({ error: "refresh_failed" }),
    });
  });

  it("leaves a live session whose tokens are far from expiry as it is, writing nothing", async () => {
    const app = await load();
    const backendTokens = tokens("1", FRESH_MS);
    const session = await app.requestSession(
      await app.cookiesFor(await app.signIn(backendTokens)),
      {
        renew: true,
      },
    );
    expect(session).toMatchObject({
      status: "live",
      refreshed: null,
      session: { tokens: backendTokens },
    });
    expect(session).not.toHaveProperty("write");
    expect(backend.refresh).not.toHaveBeenCalled();
  });

  it("ends a session past its absolute timeout, writes the ended cookie, and finds none behind it", async () => {
    const app = await load();
    const token = await app.signIn(tokens("1", 10 * ABSOLUTE_SECONDS * 1000));
    vi.setSystemTime(T0 + ABSOLUTE_SECONDS * 1000);
    const session = await app.requestSession(await app.cookiesFor(token), { renew: true });
    expect(session.status).toBe("ended");
    if (session.status !== "ended") return;
    await expect(app.decode(session.write)).resolves.toMatchObject({ error: "expired" });
    const after = await app.requestSession(app.cookiesOf(session.write), { renew: true });
    expect(after).toMatchObject({ status: "none", token: { error: "expired" } });
    expect(backend.refresh).not.toHaveBeenCalled();
  });

  it("refreshes tokens about to expire, writes the rotated cookie, and the next request uses the new tokens", async () => {
    const app = await load();
    const rotated = tokens("2", FRESH_MS);
    backend.refresh.mockResolvedValue(rotated);
    const cookies = await app.cookiesFor(await app.signIn(tokens("1", 1_000)));
    const session = await app.requestSession(cookies, { renew: false });
    expect(backend.refresh).toHaveBeenCalledWith("rt-1");
    expect(session).toMatchObject({
      status: "live",
      refreshed: "rotated",
      session: { tokens: rotated },
    });
    if (session.status !== "live" || !session.write) throw new Error("no cookie written");
    const next = await app.requestSession(app.cookiesOf(session.write), { renew: false });
    expect(next).toMatchObject({ status: "live", refreshed: null, session: { tokens: rotated } });
    expect(backend.refresh).toHaveBeenCalledTimes(1);
  });

  it("refreshes once for ten concurrent requests with the same cookie and gives each the new tokens", async () => {
    const app = await load();
    const rotated = tokens("2", FRESH_MS);
    backend.refresh.mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return rotated;
    });
    const cookies = await app.cookiesFor(await app.signIn(tokens("1", 1_000)));
    const sessions = await Promise.all(
      Array.from({ length: 10 }, () => app.requestSession(cookies, { renew: true })),
    );
    expect(backend.refresh).toHaveBeenCalledTimes(1);
    for (const session of sessions) {
      expect(session).toMatchObject({
        status: "live",
        refreshed: "rotated",
        session: { tokens: rotated },
      });
    }
  });

  it.each([
    ["unreachable", new BackendError("unavailable", "down", 503)],
    ["throttling", new BackendError("throttled", "slow down", 429)],
  ])(
    "keeps the session and writes nothing when the backend is %s at refresh time",
    async (_label, error) => {
      const app = await load();
      backend.refresh.mockRejectedValue(error);
      const backendTokens = tokens("1", 1_000);
      const session = await app.requestSession(
        await app.cookiesFor(await app.signIn(backendTokens)),
        {
          renew: true,
        },
      );
      expect(session).toMatchObject({
        status: "live",
        refreshed: "unavailable",
        session: { tokens: backendTokens },
      });
      expect(session).not.toHaveProperty("write");
      expect(fake.ended).toEqual([]);
    },
  );

  it("ends the session and writes the ended cookie when the backend refuses the refresh token", async () => {
    const app = await load();
    backend.refresh.mockRejectedValue(new BackendError("refresh_rejected", "revoked", 400));
    const session = await app.requestSession(
      await app.cookiesFor(await app.signIn(tokens("1", 1_000))),
      { renew: true },
    );
    expect(session.status).toBe("ended");
    if (session.status !== "ended") return;
    await expect(app.decode(session.write)).resolves.toMatchObject({ error: "refresh_failed" });
    expect(fake.ended).toEqual(["refresh_failed"]);
  });

  it.each([
    [true, "re-issues"],
    [false, "leaves"],
  ])("with renew: %s, %s the cookie when the idle renewal is due", async (renew) => {
    const app = await load();
    const cookies = await app.cookiesFor(await app.signIn(tokens("1", FRESH_MS)));
    fake.renewDue = true;
    const session = await app.requestSession(cookies, { renew });
    expect(session).toMatchObject({ status: "live", refreshed: null });
    expect(session.status === "live" && session.write !== undefined).toBe(renew);
  });

  it("renews nothing when a refresh was due and the backend could not be reached", async () => {
    const app = await load();
    backend.refresh.mockRejectedValue(new BackendError("unavailable", "down", 503));
    const cookies = await app.cookiesFor(await app.signIn(tokens("1", 1_000)));
    fake.renewDue = true;
    const session = await app.requestSession(cookies, { renew: true });
    expect(session).toMatchObject({ status: "live", refreshed: "unavailable" });
    expect(session).not.toHaveProperty("write");
  });
});

describe("renewalWrite", () => {
  it("writes nothing when the idle renewal is not due", async () => {
    const app = await load();
    const cookies = await app.cookiesFor(await app.signIn(tokens("1", FRESH_MS)));
    const session = await app.requestSession(cookies, { renew: false });
    if (session.status !== "live") throw new Error(`not live: ${session.status}`);
    await expect(app.renewalWrite(session, cookies)).resolves.toBeUndefined();
  });

  it("writes a cookie that opens the same session when the renewal is due", async () => {
    const app = await load();
    const backendTokens = tokens("1", FRESH_MS);
    const cookies = await app.cookiesFor(await app.signIn(backendTokens));
    fake.renewDue = true;
    const session = await app.requestSession(cookies, { renew: false });
    if (session.status !== "live") throw new Error(`not live: ${session.status}`);
    const write = await app.renewalWrite(session, cookies);
    if (!write) throw new Error("no renewal written");
    const renewed = await app.requestSession(app.cookiesOf(write), { renew: false });
    expect(renewed).toMatchObject({ status: "live", session: { tokens: backendTokens } });
  });

  it("writes the tokens a concurrent request has just rotated, never the revoked ones", async () => {
    const app = await load();
    const rotated = tokens("2", FRESH_MS);
    let answer!: (tokens: TokenSet) => void;
    backend.refresh.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const token = await app.signIn(tokens("1", 1_000));
    const cookies = await app.cookiesFor(token);
    const session = {
      token,
      session: { user: USER, tokens: token.backend!, authTime: T0, renewCookie: true },
    };
    const concurrent = app.requestSession(cookies, { renew: false });
    await vi.waitFor(() => expect(backend.refresh).toHaveBeenCalled());
    const renewal = app.renewalWrite(session, cookies);
    answer(rotated);
    await concurrent;
    const write = await renewal;
    if (!write) throw new Error("no renewal written");
    await expect(app.decode(write)).resolves.toMatchObject({ backend: rotated });
  });
});
