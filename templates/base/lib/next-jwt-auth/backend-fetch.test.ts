// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import {
  BackendFetchError,
  createBackendFetch,
  isBackendFetchError,
  type BackendFetchErrorCode,
  type BackendFetchInit,
  type BackendFetchRules,
} from "./backend-fetch";
import type { VerifiedSession } from "./session/server-session";

const SESSION: VerifiedSession = {
  user: { id: "1", name: "demo", roles: [] },
  tokens: {
    accessToken: "the-access-token",
    refreshToken: "the-refresh-token",
    accessTokenExpiresAt: Date.now() + 60_000,
  },
  tokensExpired: false,
};

/** A `backendFetch` over a backend at `https://api.example.com/base` that answers `answer`. */
function setup(
  answer: (request: Request) => Response | Promise<Response> = () => Response.json({ ok: true }),
  rules: Partial<BackendFetchRules> = {},
) {
  const calls: Request[] = [];
  const backendFetch = createBackendFetch(() => ({
    session: async () => ({ status: "live", session: SESSION }),
    backendUrl: "https://api.example.com/base",
    timeoutMs: 1000,
    prefixes: ["api/"],
    resourceHeaders: { accept: "application/vnd.example+json" },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      calls.push(request);
      return answer(request);
    },
    ...rules,
  }));
  return { backendFetch, calls };
}

/** The code `promise` rejects with, or `"resolved"`. */
async function outcome(promise: Promise<unknown>): Promise<BackendFetchErrorCode | "resolved"> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    if (isBackendFetchError(error)) return error.code;
    throw error;
  }
}

describe("backendFetch", () => {
  it.each<{ name: string; path: string; url: string }>([
    {
      name: "a path under an allowed prefix",
      path: "api/items",
      url: "https://api.example.com/base/api/items",
    },
    {
      name: "a path with a leading slash",
      path: "/api/items",
      url: "https://api.example.com/base/api/items",
    },
    {
      name: "a path with a query",
      path: "api/items?page=2&q=a%20b",
      url: "https://api.example.com/base/api/items?page=2&q=a%20b",
    },
    {
      name: "an encoded segment",
      path: "api/items/a%20b",
      url: "https://api.example.com/base/api/items/a%20b",
    },
  ])("sends $name to the backend URL under the base path", async ({ path, url }) => {
    const { backendFetch, calls } = setup();
    const response = await backendFetch(path);
    expect(response.status).toBe(200);
    expect(calls.map((call) => call.url)).toEqual([url]);
  });

  it.each<{ name: string; path: string; code: BackendFetchErrorCode }>([
    { name: "a path outside the allowed prefixes", path: "admin/users", code: "not_allowed" },
    { name: "the bare prefix", path: "api/", code: "bad_path" },
    {
      name: "an auth endpoint under an allowed prefix",
      path: "api/auth/refresh",
      code: "not_allowed",
    },
    { name: "a dot-dot segment", path: "api/../admin", code: "bad_path" },
    { name: "an encoded slash", path: "api/a%2Fb", code: "bad_path" },
    { name: "another host", path: "//evil.example/api/x", code: "not_allowed" },
  ])(
    "refuses $name with $code, before reading the session or calling the backend",
    async ({ path, code }) => {
      let sessionRead = false;
      const { backendFetch, calls } = setup(undefined, {
        session: async () => {
          sessionRead = true;
          return { status: "live" as const, session: SESSION };
        },
      });
      expect(await outcome(backendFetch(path))).toBe(code);
      expect(calls).toHaveLength(0);
      expect(sessionRead).toBe(false);
    },
  );

  it("sends the session's access token, the style's resource headers and only allow-listed headers", async () => {
    const { backendFetch, calls } = setup();
    const init: BackendFetchInit = {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: "next-auth.session-token=secret",
        authorization: "Bearer someone-else",
        "x-forwarded-for": "10.0.0.1",
      },
      body: JSON.stringify({ title: "new" }),
    };
    await backendFetch("api/items", init);
    const [call] = calls;
    expect(call!.method).toBe("POST");
    expect(call!.headers.get("authorization")).toBe("Bearer the-access-token");
    expect(call!.headers.get("accept")).toBe("application/vnd.example+json");
    expect(call!.headers.get("content-type")).toBe("application/json");
    expect(call!.headers.get("cookie")).toBeNull();
    expect(call!.headers.get("x-forwarded-for")).toBeNull();
    expect(await call!.json()).toEqual({ title: "new" });
  });

  it.each<{ name: string; status: number }>([
    { name: "a 200", status: 200 },
    { name: "a 403", status: 403 },
    { name: "a 404", status: 404 },
    { name: "a 302, without following it", status: 302 },
    { name: "a 500", status: 500 },
  ])("returns $name as it is", async ({ status }) => {
    const { backendFetch, calls } = setup(
      () =>
        new Response(null, {
          status,
          headers: status === 302 ? { location: "https://evil.example/" } : {},
        }),
    );
    expect((await backendFetch("api/items")).status).toBe(status);
    expect(calls).toHaveLength(1);
  });

  it.each<{ name: string; rules: Partial<BackendFetchRules>; code: BackendFetchErrorCode }>([
    {
      name: "no session",
      rules: { session: async () => ({ status: "none" }) },
      code: "unauthenticated",
    },
    {
      name: "a session whose refresh token the backend refused",
      rules: { session: async () => ({ status: "ended" }) },
      code: "unauthorized",
    },
    {
      name: "a session whose refresh could not reach the backend",
      rules: { session: async () => ({ status: "unavailable" }) },
      code: "backend_unavailable",
    },
    {
      name: "an expired session nothing could refresh (a Server Component outside protectedPages)",
      rules: { session: async () => ({ status: "not_refreshed" }) },
      code: "page_not_refreshed",
    },
    {
      name: "a backend that cannot be reached",
      rules: {
        fetch: async () => {
          throw new TypeError("fetch failed");
        },
      },
      code: "backend_unavailable",
    },
    {
      name: "a backend that does not answer in time",
      rules: {
        timeoutMs: 20,
        fetch: (_input, init) =>
          new Promise((_resolve, reject) => {
            init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
          }),
      },
      code: "backend_timeout",
    },
    {
      name: "a backend that refuses the access token (401)",
      rules: { fetch: async () => Response.json({ message: "Token Expired!" }, { status: 401 }) },
      code: "unauthorized",
    },
  ])("throws $code for $name", async ({ rules, code }) => {
    const { backendFetch } = setup(undefined, rules);
    expect(await outcome(backendFetch("api/items"))).toBe(code);
  });

  it("throws an error recognised by its brand and code, not by its class", async () => {
    const { backendFetch } = setup(undefined, { session: async () => ({ status: "none" }) });
    const error: unknown = await backendFetch("api/items").catch((e: unknown) => e);
    expect(isBackendFetchError(error, "unauthenticated")).toBe(true);
    expect(isBackendFetchError(error, "unauthorized")).toBe(false);
    // A copy from another bundle: same brand and code, another class.
    const copy = Object.assign(new Error("copy"), {
      code: "unauthenticated",
      [Symbol.for("create-next-jwt-auth.BackendFetchError")]: true,
    });
    expect(isBackendFetchError(copy, "unauthenticated")).toBe(true);
    expect(isBackendFetchError(new Error("unauthenticated"))).toBe(false);
    expect(isBackendFetchError({ code: "unauthenticated" })).toBe(false);
    expect(error).toBeInstanceOf(BackendFetchError);
  });

  it("tells the developer which page to declare when nothing could refresh the session", async () => {
    const { backendFetch, calls } = setup(undefined, {
      session: async () => ({ status: "not_refreshed" }),
    });
    const error: unknown = await backendFetch("api/items").catch((e: unknown) => e);
    expect(isBackendFetchError(error, "page_not_refreshed")).toBe(true);
    expect((error as Error).message).toMatch(/protectedPages in app\.config\.ts/);
    expect(calls).toHaveLength(0);
  });
});
