// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { JWT } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { isolatedSessionEnv } from "@/test/session-env";
import { BackendError } from "@/lib/next-jwt-auth/backend/errors";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { withSignInAttempt, type SignInAttempt } from "@/lib/next-jwt-auth/sign-in/sign-in-attempt";

const adapter = {
  login: vi.fn(),
  me: vi.fn(),
  logout: vi.fn<(tokens: TokenSet) => Promise<void>>(),
};
vi.mock("@/lib/next-jwt-auth/backend/get-adapter", () => ({ getAdapter: () => adapter }));

const TOKENS: TokenSet = {
  accessToken: "at",
  refreshToken: "rt",
  accessTokenExpiresAt: Date.now() + 10 * 60_000,
};
const USER = { id: "1", name: "demo", roles: [] };

let options: ReturnType<typeof import("./auth-options").authOptions>;
let storage: typeof import("@/lib/next-jwt-auth/storage/session-storage").sessionStorage;

/** A signed-in token made by this app's own session storage. */
function signedInToken(): Promise<JWT> {
  return storage.create({ user: USER, tokens: TOKENS });
}

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:4010");
  for (const [name, value] of Object.entries(await isolatedSessionEnv("options"))) {
    vi.stubEnv(name, value);
  }
  options = (await import("./auth-options")).authOptions();
  storage = (await import("@/lib/next-jwt-auth/storage/session-storage")).sessionStorage;
});

beforeEach(() => {
  adapter.login.mockReset();
  adapter.me.mockReset();
  adapter.logout.mockReset();
});

type Authorize = (credentials: Record<string, string>, req: object) => Promise<unknown>;

function providerAuthorize(): Authorize {
  const provider = options.providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

let lastAttempt: SignInAttempt | undefined;

/** `authorize` as the route runs it: inside the attempt it counted for this username. */
function authorize(): Authorize {
  return (credentials, req) => {
    lastAttempt = { username: credentials.username ?? "", outcome: "void" };
    return withSignInAttempt(lastAttempt, () => providerAuthorize()(credentials, req));
  };
}

describe("authOptions", () => {
  it("uses our own login page and a JWT session", () => {
    expect(options.pages?.signIn).toBe("/login");
    expect(options.session?.strategy).toBe("jwt");
  });

  it("signs in with the backend and keeps the tokens for the jwt callback only", async () => {
    adapter.login.mockResolvedValue(TOKENS);
    adapter.me.mockResolvedValue(USER);
    const user = await authorize()({ username: "demo", password: "pw" }, { headers: {} });
    expect(user).toMatchObject({ id: "1", backendUser: USER, tokens: TOKENS });
  });

  it("answers a wrong login with null, next-auth's generic CredentialsSignin", async () => {
    adapter.login.mockRejectedValue(new BackendError("invalid_credentials", "nope", 401));
    await expect(
      authorize()({ username: "x", password: "y" }, { headers: {} }),
    ).resolves.toBeNull();
  });

  it("answers a wrong login no sooner than LOGIN_FAILURE_MIN_MS after it started, however fast the backend said no", async () => {
    vi.useFakeTimers();
    try {
      adapter.login.mockRejectedValue(new BackendError("invalid_credentials", "nope", 401));
      let settled = false;
      const result = authorize()({ username: "timing", password: "y" }, { headers: {} }).then(
        (value) => {
          settled = true;
          return value;
        },
      );
      await vi.advanceTimersByTimeAsync(399);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("reports an unreachable backend with a fixed code, never the backend's message", async () => {
    adapter.login.mockRejectedValue(
      new BackendError("unavailable", "connect ECONNREFUSED 10.0.0.5:443"),
    );
    await expect(authorize()({ username: "x", password: "y" }, { headers: {} })).rejects.toThrow(
      /^backend_unavailable$/,
    );
  });

  it.each([
    ["with no attempt counted by the route", undefined],
    [
      "with an attempt counted for another username",
      { username: "someone-else", outcome: "void" as const },
    ],
    [
      "with an attempt counted for another spelling",
      { username: " demo", outcome: "void" as const },
    ],
  ])("refuses without asking the backend %s", async (_label, attempt) => {
    const call = () => providerAuthorize()({ username: "demo", password: "pw" }, { headers: {} });
    const result = attempt ? withSignInAttempt(attempt, call) : call();
    await expect(result).rejects.toThrow(/^throttled$/);
    expect(adapter.login).not.toHaveBeenCalled();
  });

  it.each([
    ["a sign-in", () => adapter.login.mockResolvedValue(TOKENS), "succeeded"],
    [
      "a wrong login",
      () => adapter.login.mockRejectedValue(new BackendError("invalid_credentials", "no", 401)),
      "failed",
    ],
    [
      "an unreachable backend",
      () => adapter.login.mockRejectedValue(new BackendError("unavailable", "down")),
      "void",
    ],
  ])("reports %s to the route as the attempt's outcome", async (_label, arrange, outcome) => {
    arrange();
    adapter.me.mockResolvedValue(USER);
    await authorize()({ username: "demo", password: "pw" }, { headers: {} }).catch(() => null);
    expect(lastAttempt?.outcome).toBe(outcome);
  });

  it.each([
    ["/dashboard?tab=1", "http://localhost:3000/dashboard?tab=1"],
    ["http://localhost:3000/settings", "http://localhost:3000/settings"],
    ["/.//evil.com", "http://localhost:3000/"],
    ["/a/..//evil.com", "http://localhost:3000/"],
    ["/%2e//evil.com", "http://localhost:3000/"],
    ["https://evil.com/", "http://localhost:3000/"],
  ])("redirects next-auth's %j only to this site: %j", async (url, expected) => {
    const redirect = options.callbacks!.redirect!;
    expect(await redirect({ url, baseUrl: "http://localhost:3000" })).toBe(expected);
  });

  it("exposes only the user in the session, never a token", async () => {
    const token = await signedInToken();
    const session = await options.callbacks!.session!({
      session: { expires: "2030-01-01T00:00:00.000Z", user: USER },
      token,
    } as never);
    expect(session).toEqual({ expires: "2030-01-01T00:00:00.000Z", user: USER });
  });

  it("flags an ended session instead of exposing it", async () => {
    const token: JWT = { sub: "1", user: USER, error: "refresh_failed", authTime: Date.now() };
    const session = await options.callbacks!.session!({
      session: { expires: "2030-01-01T00:00:00.000Z", user: USER },
      token,
    } as never);
    expect(session).toMatchObject({ error: "refresh_failed" });
  });

  it("tells the backend on sign-out", async () => {
    adapter.logout.mockResolvedValue();
    const token = await signedInToken();
    await options.events!.signOut!({ token, session: undefined as never });
    expect(adapter.logout).toHaveBeenCalledWith(TOKENS);
  });

  it("still signs out when the backend cannot be told", async () => {
    adapter.logout.mockRejectedValue(new BackendError("unavailable", "down"));
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const token = await signedInToken();
    await expect(
      options.events!.signOut!({ token, session: undefined as never }),
    ).resolves.toBeUndefined();
    spy.mockRestore();
  });
});
