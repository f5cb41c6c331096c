/**
 * The idle timeout follows activity: page loads (proxy.ts) and backend proxy
 * calls move it, with this app's own session storage, on an injected clock. The "browser" here keeps cookies the way a browser
 * does: each one until its Max-Age runs out.
 */
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isolatedSessionEnv } from "./session-env";

const APP = "http://localhost:3000";
const IDLE_SECONDS = 20;
const T0 = Date.UTC(2030, 0, 1);
const DAY = 86_400_000;
const SESSION_ENV = await isolatedSessionEnv("idle-activity");

interface HeldCookie {
  name: string;
  value: string;
  expiresAt: number;
}

/** A browser's cookie jar: what it sends is what has not expired yet. */
class Browser {
  private cookies = new Map<string, HeldCookie>();

  get header(): string {
    return this.live()
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  live(): HeldCookie[] {
    return [...this.cookies.values()].filter((c) => c.expiresAt > Date.now());
  }

  /** Apply a response's Set-Cookie headers; returns how many it had. */
  receive(response: Response): number {
    const lines = response.headers.getSetCookie();
    for (const line of lines) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const [name = "", ...value] = pair.split("=");
      const maxAge = attributes.find((a) => /^max-age=/i.test(a))?.split("=")[1];
      const expiresAt = maxAge === undefined ? Infinity : Date.now() + Number(maxAge) * 1000;
      this.cookies.set(name, { name, value: value.join("="), expiresAt });
    }
    return lines.length;
  }
}

async function loadApp() {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_SECRET", "i".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", APP);
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:9");
  vi.stubEnv("SESSION_IDLE_TIMEOUT", String(IDLE_SECONDS));
  for (const [name, value] of Object.entries(SESSION_ENV)) vi.stubEnv(name, value);
  const { proxy } = await import("@/proxy");
  const route = await import("@/app/api/proxy/[...path]/route");
  const { DEMO_RESOURCE_PATH: demoPath } = await import("@/app/dashboard/demo-items");
  const { sessionStorage } = await import("@/lib/next-jwt-auth/storage/session-storage");
  const { encodeSessionCookies, readSessionToken } =
    await import("@/lib/next-jwt-auth/session/session-cookie");
  const { sessionState } = await import("@/lib/next-jwt-auth/session/live-session");

  return {
    /** Sign in now: the cookie the sign-in response would set. */
    async signIn(browser: Browser): Promise<void> {
      const token = await sessionStorage.create({
        user: { id: "1", name: "demo", roles: [] },
        // Long-lived tokens: no refresh happens, only the idle timeout is at play.
        tokens: { accessToken: "at", refreshToken: "rt", accessTokenExpiresAt: T0 + DAY },
      });
      const write = await encodeSessionCookies(token, { getAll: () => [] });
      const response = new Response(null);
      for (const cookie of write.set) {
        response.headers.append(
          "set-cookie",
          `${cookie.name}=${cookie.value}; Max-Age=${write.maxAge}`,
        );
      }
      browser.receive(response);
    },
    /** Load a protected page. */
    loadPage: (browser: Browser) =>
      proxy(new NextRequest(`${APP}/dashboard`, { headers: { cookie: browser.header } })),
    /** Call the backend through the proxy route. */
    callProxy: (browser: Browser) =>
      route.GET(
        new NextRequest(`${APP}/api/proxy/${demoPath}`, {
          headers: { cookie: browser.header, "sec-fetch-site": "same-origin" },
        }),
      ),
    /** Whether the browser's cookies still open a live session, on the server. */
    async signedIn(browser: Browser): Promise<boolean> {
      const token = await readSessionToken({ getAll: () => browser.live() });
      return (await sessionState(token)).status === "live";
    },
  };
}

type App = Awaited<ReturnType<typeof loadApp>>;
const ACTIVITIES = [
  ["page loads", (app: App, browser: Browser) => app.loadPage(browser)],
  ["proxy calls", (app: App, browser: Browser) => app.callProxy(browser)],
] as const;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
  // The backend behind the proxy route: every resource call succeeds.
  vi.spyOn(globalThis, "fetch").mockImplementation(() =>
    Promise.resolve(Response.json([{ id: "1", title: "item" }])),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("the idle timeout", () => {
  it.each(ACTIVITIES)(
    "does not end a session that makes %s every 5 s, for three times the idle timeout",
    async (_label, act) => {
      const app = await loadApp();
      const browser = new Browser();
      await app.signIn(browser);
      for (let second = 5; second <= 3 * IDLE_SECONDS; second += 5) {
        vi.setSystemTime(T0 + second * 1000);
        const response = await act(app, browser);
        expect(response.status).toBe(200);
        browser.receive(response);
      }
      await expect(app.signedIn(browser)).resolves.toBe(true);
    },
  );

  it.each(ACTIVITIES)(
    "ends a session whose last %s was longer ago than the idle timeout",
    async (_label, act) => {
      const app = await loadApp();
      const browser = new Browser();
      await app.signIn(browser);
      vi.setSystemTime(T0 + 10_000);
      browser.receive(await act(app, browser));
      // next-auth's decode allows 15 s of clock skew on the JWT's own expiry.
      vi.setSystemTime(T0 + (10 + IDLE_SECONDS + 16) * 1000);
      await expect(app.signedIn(browser)).resolves.toBe(false);
    },
  );

  it.each(ACTIVITIES)(
    "re-issues the cookie on %s at most once per quarter of the idle timeout",
    async (_label, act) => {
      const app = await loadApp();
      const browser = new Browser();
      await app.signIn(browser);
      const quarter = (IDLE_SECONDS * 1000) / 4;
      vi.setSystemTime(T0 + quarter - 1_000);
      expect(browser.receive(await act(app, browser))).toBe(0);
      vi.setSystemTime(T0 + quarter);
      expect(browser.receive(await act(app, browser))).toBeGreaterThan(0);
      vi.setSystemTime(T0 + quarter + 1_000);
      expect(browser.receive(await act(app, browser))).toBe(0);
    },
  );
});
