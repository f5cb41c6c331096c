// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * Database sessions end to end in-process: the real storage, a real database
 * of its own, the real adapter of this app's backend style against its own mock.
 */
import type { JWT } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createMockBackend } from "@/mock/backend";
import { serveMock, type RunningMock } from "@/mock/kit/server";
import { isolatedSessionEnv } from "@/test/session-env";
import type { BackendUser, TokenSet } from "@/lib/next-jwt-auth/backend/types";
import type { SessionStore } from "@/lib/next-jwt-auth/store/types";

type App = {
  storage: typeof import("./session-storage").sessionStorage;
  store: SessionStore;
  adapter: ReturnType<typeof import("@/lib/next-jwt-auth/backend/get-adapter").getAdapter>;
};

let mock: RunningMock;
let app: App;

beforeAll(async () => {
  mock = await serveMock(
    await createMockBackend({ accessTtlSeconds: 60, refreshTtlSeconds: 300 }),
    0,
  );
});
afterAll(async () => {
  await mock.close();
  vi.unstubAllEnvs();
});

beforeEach(async () => {
  mock.store.reset();
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", mock.url);
  for (const [name, value] of Object.entries(await isolatedSessionEnv("db-session"))) {
    vi.stubEnv(name, value);
  }
  const { sessionStorage } = await import("./session-storage");
  const { getSessionStore } = await import("@/lib/next-jwt-auth/store/open-store");
  const { getAdapter } = await import("@/lib/next-jwt-auth/backend/get-adapter");
  app = { storage: sessionStorage, store: getSessionStore(), adapter: getAdapter() };
});
afterEach(async () => {
  vi.useRealTimers();
  await app.store.close();
  delete (globalThis as { __sessionStore?: unknown }).__sessionStore;
});

/** Sign in at the mock; `adjust` changes the tokens before they are stored. */
async function signIn(
  adjust: (t: TokenSet) => TokenSet = (t) => t,
): Promise<{ token: JWT; cookie: string; user: BackendUser }> {
  const tokens = await app.adapter.login({ username: "demo", password: "demo-password" });
  const user = await app.adapter.me(tokens.accessToken);
  const token = await app.storage.create({ user, tokens: adjust(tokens), userAgent: "test-agent" });
  const cookie = await app.storage.jwt!.encode!({ token, secret: "unused" });
  return { token, cookie, user };
}

async function decode(cookie: string): Promise<JWT> {
  const token = await app.storage.jwt!.decode!({ token: cookie, secret: "unused" });
  if (!token) throw new Error("cookie did not decode");
  return token;
}

const expired = (t: TokenSet): TokenSet => ({ ...t, accessTokenExpiresAt: Date.now() - 1 });

describe("database sessions", () => {
  it("put only an opaque session id in the cookie and keep user and tokens in the row", async () => {
    const { cookie, user } = await signIn();
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await app.storage.read(await decode(cookie));
    expect(session?.user).toEqual(user);
    expect(session?.tokens.accessToken).toBeTruthy();
    expect(cookie).not.toContain(session!.tokens.accessToken);
  });

  it("refresh on read, once for 20 concurrent readers, without changing the cookie", async () => {
    const { token, cookie } = await signIn(expired);
    const sessions = await Promise.all(
      Array.from({ length: 20 }, async () => app.storage.read(await decode(cookie))),
    );
    expect(mock.store.stats.refreshes).toBe(1);
    expect(mock.store.stats.reusedRefreshes).toBe(0);
    const fresh = sessions[0]!.tokens;
    for (const s of sessions) expect(s?.tokens).toEqual(fresh);
    expect(fresh.accessTokenExpiresAt).toBeGreaterThan(Date.now());
    expect(await app.storage.jwt!.encode!({ token, secret: "unused" })).toBe(cookie);
  });

  it("keep the session through a refresh outage and refresh again on a read a second after it", async () => {
    const { cookie } = await signIn(expired);
    const faults = (body: object) =>
      fetch(`${mock.url}/__mock/faults`, { method: "POST", body: JSON.stringify(body) });
    await faults({ refresh: { status: 503, delayMs: 0 } });
    try {
      const during = await app.storage.read(await decode(cookie));
      expect(during?.tokens.accessTokenExpiresAt).toBeLessThan(Date.now());
    } finally {
      await faults({});
    }
    // The outage is remembered for a second, so one request's reads do not each wait for it.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 1_000);
    const after = await app.storage.read(await decode(cookie));
    expect(after?.tokens.accessTokenExpiresAt).toBeGreaterThan(Date.now());
    expect(mock.store.stats).toMatchObject({ refreshes: 1, reusedRefreshes: 0 });
  });

  it("end the session when the backend refuses the refresh token, deleting the row", async () => {
    const { cookie } = await signIn((t) => ({
      ...expired(t),
      refreshToken: "not-a-valid-refresh-token",
    }));
    expect(await app.storage.read(await decode(cookie))).toBeNull();
    expect(mock.store.stats.rejectedRefreshes).toBe(1);
    expect(await app.store.get(cookie, Date.now())).toBeNull();
  });

  it("revoke at sign-out: a copied cookie stops working at once", async () => {
    const { token, cookie } = await signIn();
    const copied = cookie;
    const ended = await app.storage.end(token, "expired");
    expect(await app.storage.jwt!.encode!({ token: ended, secret: "unused" })).toBe(
      "ended.expired",
    );
    expect(await app.storage.read(await decode(copied))).toBeNull();
  });

  it("persist a rotation only while the row still holds the refresh token that was exchanged", async () => {
    const { token, cookie } = await signIn();
    const before = (await app.store.get(cookie, Date.now()))!;
    const next = { ...before.tokens, accessToken: "at-next", refreshToken: "rt-next" };
    await app.storage.persistRotation(token, before.tokens, next);
    expect((await app.store.get(cookie, Date.now()))?.tokens).toEqual(next);

    const stale = { ...before.tokens, accessToken: "at-stale", refreshToken: "rt-stale" };
    await app.storage.persistRotation(token, before.tokens, stale);
    expect((await app.store.get(cookie, Date.now()))?.tokens).toEqual(next);
  });

  it("keep a session whose refresh another process already completed when this one's refresh failed", async () => {
    const { token, cookie } = await signIn();
    const stored = (await app.store.get(cookie, Date.now()))!;
    // This process was refused an older refresh token; the row already holds a newer one.
    const refused = { ...stored.tokens, refreshToken: "rotated-out-by-the-winner" };
    expect(await app.storage.end(token, "refresh_failed", refused)).toEqual(token);
    expect(await app.store.get(cookie, Date.now())).not.toBeNull();
  });

  it("end the session when the row still holds the refresh token the backend refused, however fresh its access token", async () => {
    const { token, cookie } = await signIn();
    const stored = (await app.store.get(cookie, Date.now()))!;
    const ended = await app.storage.end(token, "refresh_failed", stored.tokens);
    expect(ended.error).toBe("refresh_failed");
    expect(await app.store.get(cookie, Date.now())).toBeNull();
  });

  it("refresh for the proxy under the row's lease: while another process holds it, never call the backend and use that process's tokens", async () => {
    const { token, cookie } = await signIn();
    const { refreshSession } = await import("@/lib/next-jwt-auth/session/refresh");
    const stored = (await app.store.get(cookie, Date.now()))!;
    // Another process claimed the refresh of this row and is talking to the backend.
    const claim = await app.store.claimRefresh(
      cookie,
      stored.version,
      Date.now() + 60_000,
      Date.now(),
    );
    expect(claim.status).toBe("claimed");
    const live = (await app.storage.read(await decode(cookie)))!;
    const refreshing = refreshSession(token, live);
    const theirs = { ...stored.tokens, accessToken: "at-theirs", refreshToken: "rt-theirs" };
    await app.store.rotate(cookie, stored.version, theirs, Date.now());

    await expect(refreshing).resolves.toMatchObject({ status: "rotated", tokens: theirs });
    // Sending the same refresh token as the other process would have had one of them refused.
    expect(mock.store.stats.refreshes + mock.store.stats.rejectedRefreshes).toBe(0);
    expect((await app.store.get(cookie, Date.now()))?.tokens).toEqual(theirs);
  });

  it("refresh for the proxy with the tokens another request already rotated in, without calling the backend", async () => {
    const { token, cookie } = await signIn();
    const { refreshSession } = await import("@/lib/next-jwt-auth/session/refresh");
    const live = (await app.storage.read(await decode(cookie)))!;
    const stored = (await app.store.get(cookie, Date.now()))!;
    const newer = { ...stored.tokens, accessToken: "at-newer", refreshToken: "rt-newer" };
    await app.store.rotate(cookie, stored.version, newer, Date.now());
    await expect(refreshSession(token, live)).resolves.toMatchObject({
      status: "rotated",
      tokens: newer,
    });
    expect(mock.store.stats.refreshes + mock.store.stats.rejectedRefreshes).toBe(0);
  });

  it("list the user's sessions with the user agent", async () => {
    const { cookie } = await signIn();
    await signIn();
    const me = (await app.store.get(cookie, Date.now()))!;
    const list = await app.store.listForUser(me.user.id, Date.now());
    expect(list).toHaveLength(2);
    expect(list.every((s) => s.userAgent === "test-agent")).toBe(true);
  });
});
