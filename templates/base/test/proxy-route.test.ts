/**
 * The backend proxy route end to end in-process: the real route handler, the
 * real adapter of this app's backend style and its real mock on a free port.
 */
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { NextRequest } from "next/server";
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type MockInstance,
} from "vitest";
import { createMockBackend } from "@/mock/backend";
import { serveMock, type RunningMock } from "@/mock/kit/server";
import { isolatedSessionEnv } from "./session-env";

const APP = "http://localhost:3000";
const SECRET = "t".repeat(32);
const SESSION_ENV = await isolatedSessionEnv("proxy-route");

let mock: RunningMock;
let route: typeof import("@/app/api/proxy/[...path]/route");
let cookies: typeof import("@/lib/next-jwt-auth/session/session-cookie");
let demoPath: string;
let fetchSpy: MockInstance<typeof fetch>;

async function loadApp(backendUrl: string) {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", APP);
  vi.stubEnv("BACKEND_URL", backendUrl);
  vi.stubEnv("BACKEND_TIMEOUT_MS", "2000");
  for (const [name, value] of Object.entries(SESSION_ENV)) vi.stubEnv(name, value);
  route = await import("@/app/api/proxy/[...path]/route");
  cookies = await import("@/lib/next-jwt-auth/session/session-cookie");
  const { getAdapter } = await import("@/lib/next-jwt-auth/backend/get-adapter");
  const { sessionStorage } = await import("@/lib/next-jwt-auth/storage/session-storage");
  const adapter = getAdapter();
  demoPath = (await import("@/app/dashboard/demo-items")).DEMO_RESOURCE_PATH;
  return { adapter, sessionStorage };
}

/**
 * Sign in at the mock and return a Cookie header carrying the session. `mutate`
 * alters the backend tokens before they are stored, through the storage itself,
 * so the test holds for whichever session storage this app uses.
 */
async function signedInCookie(mutate: (tokens: TokenSet) => TokenSet = (t) => t): Promise<string> {
  const { adapter, sessionStorage } = await loadApp(mock.url);
  const tokens = await adapter.login({ username: "demo", password: "demo-password" });
  const user = await adapter.me(tokens.accessToken);
  const token = await sessionStorage.create({ user, tokens: mutate(tokens) });
  const write = await cookies.encodeSessionCookies(token, { getAll: () => [] });
  return write.set.map((c) => `${c.name}=${c.value}`).join("; ");
}

/**
 * What the browser holds after `response`: the cookies it set (a storage that
 * keeps the tokens in the cookie re-encodes it), or else the ones it had (one
 * that keeps them on the server changes only its own record).
 */
function heldCookies(response: Response, sent: string): { name: string; value: string }[] {
  const toPairs = (lines: string[]) =>
    lines
      .map((line) => line.split(";")[0]!.trim().split("="))
      .map(([name, ...value]) => ({ name: name!, value: value.join("=") }));
  const set = toPairs(response.headers.getSetCookie());
  return set.length > 0 ? set : toPairs(sent.split("; "));
}

/** The proxy said `session_expired`, and the cookie the browser now holds opens no session. */
async function expectSessionEnded(response: Response, sent: string): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get("x-session-ended")).toBe("1");
  await expect(response.json()).resolves.toEqual({ error: "session_expired" });
  const after = await cookies.readSessionToken({ getAll: () => heldCookies(response, sent) });
  const { sessionState } = await import("@/lib/next-jwt-auth/session/live-session");
  expect((await sessionState(after)).status).not.toBe("live");
}

function request(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new NextRequest(`${APP}/api/proxy/${path}`, {
    method: init.method ?? "GET",
    headers: { "sec-fetch-site": "same-origin", ...init.headers },
    body: init.body,
  });
}

function backendCalls(): Request[] {
  return fetchSpy.mock.calls
    .filter(([input]) => String(input instanceof Request ? input.url : input).startsWith(mock.url))
    .map(([input, init]) => new Request(input as RequestInfo, init as RequestInit));
}

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
  fetchSpy?.mockRestore();
  // Forget every token and switched-on fault.
  await fetch(`${mock.url}/__mock/reset`, { method: "POST" });
  fetchSpy = vi.spyOn(globalThis, "fetch");
});

describe("GET /api/proxy/<demo resource>", () => {
  it("answers with the backend's data, sending the server-side token and no browser cookie or Authorization", async () => {
    const cookie = await signedInCookie();
    fetchSpy.mockClear();
    const response = await route.GET(
      request(demoPath, { headers: { cookie, authorization: "Bearer forged" } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("vary")).toContain("Sec-Fetch-Site");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    );
    expect(response.headers.get("set-cookie")).toBeNull();
    const [call] = backendCalls();
    expect(call?.headers.get("cookie")).toBeNull();
    expect(call?.headers.get("authorization")).toMatch(/^Bearer (?!forged)/);
  });

  it("answers 401 unauthenticated without a session and never calls the backend", async () => {
    await loadApp(mock.url);
    const response = await route.GET(request(demoPath));
    expect(response.status).toBe(401);
    expect(response.headers.get("x-session-ended")).toBe("1");
    await expect(response.json()).resolves.toEqual({ error: "unauthenticated" });
    expect(backendCalls()).toHaveLength(0);
  });

  it("refreshes a token about to expire before forwarding, and the browser's cookie then holds the new tokens", async () => {
    let old = "";
    const cookie = await signedInCookie((tokens) => {
      old = tokens.accessToken;
      return { ...tokens, accessTokenExpiresAt: Date.now() + 1_000 };
    });
    const before = mock.store.stats.refreshes;
    const signInCalls = backendCalls().length;
    const response = await route.GET(request(demoPath, { headers: { cookie } }));
    expect(response.status).toBe(200);
    expect(mock.store.stats.refreshes).toBe(before + 1);
    const [call] = backendCalls()
      .slice(signInCalls)
      .filter((c) => new URL(c.url).pathname === `/${demoPath}`);
    expect(call?.headers.get("authorization")).not.toBe(`Bearer ${old}`);
    const after = await cookies.readSessionToken({ getAll: () => heldCookies(response, cookie) });
    const { sessionState } = await import("@/lib/next-jwt-auth/session/live-session");
    const state = await sessionState(after);
    expect(state.status === "live" && state.session.tokens.accessToken).toBe(
      call?.headers.get("authorization")?.slice("Bearer ".length),
    );
  });

  it("answers 413 for a body over the limit and still hands the browser the tokens a refresh before it rotated", async () => {
    let old = "";
    const cookie = await signedInCookie((tokens) => {
      old = tokens.accessToken;
      return { ...tokens, accessTokenExpiresAt: Date.now() + 1_000 };
    });
    const before = mock.store.stats.refreshes;
    const response = await route.POST(
      request(demoPath, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ big: "x".repeat(1024 * 1024) }),
      }),
    );
    expect(response.status).toBe(413);
    expect(mock.store.stats.refreshes).toBe(before + 1);
    // The refresh token sent is revoked now: a browser left with it would be signed out.
    const after = await cookies.readSessionToken({ getAll: () => heldCookies(response, cookie) });
    const { sessionState } = await import("@/lib/next-jwt-auth/session/live-session");
    const state = await sessionState(after);
    expect(state.status).toBe("live");
    expect(state.status === "live" && state.session.tokens.accessToken).not.toBe(old);
  });

  it("answers 401 session_expired once the refresh token has expired, and ends the session", async () => {
    const cookie = await signedInCookie((tokens) => ({
      ...tokens,
      refreshTokenExpiresAt: Date.now() - 1_000,
    }));
    const signInCalls = backendCalls().length;
    const response = await route.GET(request(demoPath, { headers: { cookie } }));
    await expectSessionEnded(response, cookie);
    expect(backendCalls()).toHaveLength(signInCalls);
  });

  it("refreshes once and retries when the backend refuses the access token, and sets the new cookie", async () => {
    const cookie = await signedInCookie((tokens) => ({
      ...tokens,
      accessToken: "revoked-or-garbage",
    }));
    const before = mock.store.stats.refreshes;
    const response = await route.GET(request(demoPath, { headers: { cookie } }));
    expect(response.status).toBe(200);
    expect(mock.store.stats.refreshes).toBe(before + 1);
    expect(response.headers.get("set-cookie")).toMatch(/next-auth\.session-token=/);
  });

  it("answers 401 session_expired when the refresh is refused too, and ends the session", async () => {
    const cookie = await signedInCookie((tokens) => ({
      ...tokens,
      accessToken: "garbage",
      refreshToken: "also-garbage",
    }));
    const response = await route.GET(request(demoPath, { headers: { cookie } }));
    await expectSessionEnded(response, cookie);
    expect(mock.store.stats.refreshes).toBe(0);
  });
});

describe("a resource that answers 401 to a freshly refreshed token", () => {
  /** Make the demo resource answer 401 whatever the token, as an API does for "current password is wrong". */
  async function resourceRefusesEveryToken(): Promise<void> {
    const response = await fetch(`${mock.url}/__mock/faults`, {
      method: "POST",
      body: JSON.stringify({ unauthorizedPaths: [`/${demoPath}`] }),
    });
    expect(response.status).toBe(204);
  }

  it.each([
    ["accepts the fresh token", undefined],
    ["cannot be reached", "unavailable"],
    ["answers something odd", "bad_response"],
  ] as const)(
    "passes the 401 through and keeps the session when the identity check %s",
    async (_label, meFails) => {
      const cookie = await signedInCookie();
      const { adapter } = await loadApp(mock.url);
      if (meFails) {
        const { BackendError } = await import("@/lib/next-jwt-auth/backend/errors");
        vi.spyOn(adapter, "me").mockRejectedValue(new BackendError(meFails, "identity check"));
      }
      await resourceRefusesEveryToken();
      const response = await route.GET(request(demoPath, { headers: { cookie } }));
      expect(response.status).toBe(401);
      // Without the proxy's "session ended" header, so the client does not sign out either.
      expect(response.headers.get("x-session-ended")).toBeNull();
      await expect(response.json()).resolves.toEqual({ message: "Unauthorized" });
      // One refresh to rule out a stale token; the browser gets the rotated cookie and stays signed in.
      expect(mock.store.stats.refreshes).toBe(1);
      const after = await cookies.readSessionToken({ getAll: () => heldCookies(response, cookie) });
      const { sessionState } = await import("@/lib/next-jwt-auth/session/live-session");
      expect((await sessionState(after)).status).toBe("live");
    },
  );

  it("ends the session when the identity check refuses the fresh token too", async () => {
    const cookie = await signedInCookie();
    const { adapter } = await loadApp(mock.url);
    const { BackendError } = await import("@/lib/next-jwt-auth/backend/errors");
    vi.spyOn(adapter, "me").mockRejectedValue(new BackendError("unauthorized", "refused", 401));
    await resourceRefusesEveryToken();
    const response = await route.GET(request(demoPath, { headers: { cookie } }));
    await expectSessionEnded(response, cookie);
  });
});

describe("refused requests never reach the backend", () => {
  it.each([
    [
      "a cross-site POST",
      "POST",
      { "sec-fetch-site": "cross-site", "content-type": "application/json" },
      403,
    ],
    [
      "a POST from a foreign Origin",
      "POST",
      { "sec-fetch-site": "", origin: "http://evil.com" },
      403,
    ],
    ["a text/plain POST", "POST", { "content-type": "text/plain" }, 415],
    ["a form POST", "POST", { "content-type": "application/x-www-form-urlencoded" }, 415],
    ["a multipart POST", "POST", { "content-type": "multipart/form-data; boundary=x" }, 415],
  ])("refuses %s", async (_label, method, headers, status) => {
    const cookie = await signedInCookie();
    fetchSpy.mockClear();
    const response = await route.POST(
      request(demoPath, { method, headers: { cookie, ...headers }, body: "{}" }),
    );
    expect(response.status).toBe(status);
    expect(backendCalls()).toHaveLength(0);
  });

  it.each([
    ["..%2F..%2Fauth%2Flogin", 400],
    ["%2e%2e/%2e%2e/etc/passwd", 400],
    ["api/..%5C..%5Cadmin", 400],
    ["%2F%2Fevil.com/api/x", 400],
    ["http:%2F%2Fevil.com", 400],
    ["auth/login", 404],
    ["oauth/token", 404],
    ["admin/config", 404],
  ])("refuses the path %j", async (path, status) => {
    const cookie = await signedInCookie();
    fetchSpy.mockClear();
    const response = await route.GET(request(path, { headers: { cookie } }));
    expect(response.status).toBe(status);
    expect(backendCalls()).toHaveLength(0);
  });
});

describe("backend failures", () => {
  it("answers 502 with a JSON error when the backend cannot be reached", async () => {
    const cookie = await signedInCookie();
    await loadApp("http://127.0.0.1:9");
    const response = await route.GET(request(demoPath, { headers: { cookie } }));
    expect(response.status).toBe(502);
    await expect(response.json()).resolves.toEqual({ error: "backend_unavailable" });
  });
});
