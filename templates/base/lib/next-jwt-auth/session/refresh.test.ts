// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { BackendError } from "@/lib/next-jwt-auth/backend/errors";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import type { LiveSession, SessionStorage } from "@/lib/next-jwt-auth/storage/types";

const refresh = vi.fn<(refreshToken: string) => Promise<TokenSet>>();
vi.mock("@/lib/next-jwt-auth/backend/get-adapter", () => ({ getAdapter: () => ({ refresh }) }));
// The refresh step around the storage, whichever storage this app has (its own tests are next to it).
const storage = vi.hoisted(() => ({ refresh: undefined as SessionStorage["refresh"] }));
vi.mock("@/lib/next-jwt-auth/storage/session-storage", async () => {
  const { tokenSessionStorage } = await import("@/test/token-session-storage");
  return {
    sessionStorage: {
      ...tokenSessionStorage(),
      get refresh() {
        return storage.refresh;
      },
    },
  };
});

const { refreshSession, tokenForRenewal } = await import("./refresh");
const { resetSingleFlight } = await import("./single-flight");

const OLD: TokenSet = {
  accessToken: "at-1",
  refreshToken: "rt-1",
  accessTokenExpiresAt: Date.now() - 1,
};
const NEW: TokenSet = {
  accessToken: "at-2",
  refreshToken: "rt-2",
  accessTokenExpiresAt: Date.now() + 60_000,
};
const USER = { id: "1", name: "demo", roles: [] };
const TOKEN: JWT = { sub: "1", user: USER, backend: OLD, authTime: Date.now() };
const SESSION: LiveSession = { user: USER, tokens: OLD, authTime: TOKEN.authTime! };

describe("refreshSession", () => {
  beforeEach(() => {
    refresh.mockReset();
    resetSingleFlight();
  });

  it("refreshes once for 20 concurrent requests and gives every one the new tokens", async () => {
    refresh.mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return NEW;
    });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => refreshSession(TOKEN, SESSION)),
    );
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledWith("rt-1");
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: "rotated", tokens: NEW, token: { backend: NEW } });
    }
  });

  it("never sends the old refresh token again for a late request carrying the old cookie", async () => {
    refresh.mockResolvedValue(NEW);
    await refreshSession(TOKEN, SESSION);
    const late = await refreshSession(TOKEN, SESSION);
    expect(late).toMatchObject({ status: "rotated", tokens: NEW });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("ends the session once when the backend refuses the refresh token", async () => {
    refresh.mockRejectedValue(new BackendError("refresh_rejected", "revoked", 400));
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => refreshSession(TOKEN, SESSION)),
    );
    expect(refresh).toHaveBeenCalledTimes(1);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("ended");
      expect(outcome.token.error).toBe("refresh_failed");
      expect(outcome.token.backend).toBeUndefined();
    }
  });

  it("keeps the session when the backend is unreachable, so a later request can retry", async () => {
    refresh.mockRejectedValue(new BackendError("unavailable", "down"));
    const outcome = await refreshSession(TOKEN, SESSION);
    expect(outcome).toEqual({ status: "unavailable", token: TOKEN });
    refresh.mockResolvedValue(NEW);
    await expect(refreshSession(TOKEN, SESSION)).resolves.toMatchObject({
      status: "rotated",
      tokens: NEW,
    });
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it.each([
    ["rate-limits the refresh", new BackendError("throttled", "429", 429)],
    ["answers something the adapter cannot read", new BackendError("bad_response", "html", 200)],
  ])(
    "keeps the session when the backend %s, and retries on the next request",
    async (_label, error) => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      refresh.mockRejectedValueOnce(error).mockResolvedValueOnce(NEW);
      await expect(refreshSession(TOKEN, SESSION)).resolves.toEqual({
        status: "unavailable",
        token: TOKEN,
      });
      await expect(refreshSession(TOKEN, SESSION)).resolves.toMatchObject({ status: "rotated" });
      log.mockRestore();
    },
  );

  it("leaves the refresh to a storage that refreshes its own way, and never calls the backend itself", async () => {
    const own = vi.fn<NonNullable<SessionStorage["refresh"]>>();
    own.mockResolvedValue({ status: "rotated", token: { ...TOKEN, backend: NEW }, tokens: NEW });
    storage.refresh = own;
    try {
      await expect(refreshSession(TOKEN, SESSION)).resolves.toMatchObject({
        status: "rotated",
        tokens: NEW,
      });
      expect(own).toHaveBeenCalledWith(TOKEN, SESSION);
      expect(refresh).not.toHaveBeenCalled();
    } finally {
      storage.refresh = undefined;
    }
  });

  it("keeps the session when the refresh it joined failed as unavailable in another bundle", async () => {
    // proxy.ts and the route handlers are built separately, each with its own
    // BackendError class, and share refreshes in flight through globalThis.
    vi.resetModules();
    const otherBundle = await import("@/lib/next-jwt-auth/backend/errors");
    expect(otherBundle.BackendError).not.toBe(BackendError);
    refresh.mockRejectedValue(
      new otherBundle.BackendError("unavailable", "refresh answered 503", 503),
    );
    await expect(refreshSession(TOKEN, SESSION)).resolves.toEqual({
      status: "unavailable",
      token: TOKEN,
    });
  });
});

describe("tokenForRenewal (the token a cookie re-issued for the idle timeout carries)", () => {
  beforeEach(() => {
    refresh.mockReset();
    resetSingleFlight();
  });

  it("is the request's own token when no refresh of its refresh token is known", async () => {
    await expect(tokenForRenewal(TOKEN, SESSION)).resolves.toBe(TOKEN);
  });

  it("carries the rotated tokens when a concurrent request rotated them, never the revoked ones", async () => {
    let finish: (tokens: TokenSet) => void = () => undefined;
    refresh.mockReturnValue(new Promise<TokenSet>((resolve) => (finish = resolve)));
    const rotating = refreshSession(TOKEN, SESSION);
    const renewal = tokenForRenewal(TOKEN, SESSION);
    finish(NEW);
    await rotating;
    await expect(renewal).resolves.toMatchObject({ backend: NEW });
    // And after it settled, for a late request still carrying the old cookie.
    await expect(tokenForRenewal(TOKEN, SESSION)).resolves.toMatchObject({ backend: NEW });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("is null (leave the cookie alone) when that refresh was refused", async () => {
    refresh.mockRejectedValue(new BackendError("refresh_rejected", "revoked", 400));
    await refreshSession(TOKEN, SESSION);
    await expect(tokenForRenewal(TOKEN, SESSION)).resolves.toBeNull();
  });
});
