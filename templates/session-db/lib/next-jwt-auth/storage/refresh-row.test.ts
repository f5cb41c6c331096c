// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackendError } from "@/lib/next-jwt-auth/backend/errors";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { isolatedSessionEnv } from "@/test/session-env";
import { openSessionStore } from "@/lib/next-jwt-auth/store/open-store";
import type { SessionStore } from "@/lib/next-jwt-auth/store/types";
import { refreshRow } from "./refresh-row";

const HOUR = 3_600_000;

function tokenSet(label: string, now = Date.now()): TokenSet {
  return {
    accessToken: `access-${label}`,
    refreshToken: `refresh-${label}`,
    accessTokenExpiresAt: now + 60_000,
  };
}

/** A backend that rotates like the mock: each refresh token works once. */
function rotatingBackend(delayMs = 30) {
  let generation = 0;
  let valid = "refresh-initial";
  const calls: string[] = [];
  return {
    calls,
    async refresh(refreshToken: string): Promise<TokenSet> {
      calls.push(refreshToken);
      if (refreshToken !== valid)
        throw new BackendError("refresh_rejected", "reused refresh token");
      generation += 1;
      valid = `refresh-gen${generation}`;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return tokenSet(`gen${generation}`);
    },
  };
}

describe("refreshing a session row", () => {
  let stores: SessionStore[];
  let sessionId: string;

  beforeEach(async () => {
    const env = { ...(await isolatedSessionEnv("refresh-row")), NEXTAUTH_SECRET: "secret" };
    const open = () => openSessionStore(env);
    // Two connections stand for two app processes sharing the database.
    stores = [open(), open()];
    const now = Date.now();
    ({ sessionId } = await stores[0]!.create({
      user: { id: "u1", name: "U", roles: [] },
      tokens: { ...tokenSet("initial", now), accessTokenExpiresAt: now - 1 },
      now,
      idleExpiresAt: now + HOUR,
      absoluteExpiresAt: now + HOUR,
    }));
  });
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });

  it("sends one refresh to the backend for 20 concurrent callers in two processes, all of whom get its tokens", async () => {
    const backend = rotatingBackend();
    const before = (await stores[0]!.get(sessionId, Date.now()))!;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        refreshRow(stores[i % 2]!, sessionId, before, {
          refresh: (t) => backend.refresh(t),
          leaseMs: 2_000,
          pollMs: 5,
        }),
      ),
    );
    expect(backend.calls).toEqual(["refresh-initial"]);
    for (const result of results) {
      expect(result).toMatchObject({
        status: "fresh",
        session: { tokens: { refreshToken: "refresh-gen1" } },
      });
    }
    expect((await stores[1]!.get(sessionId, Date.now()))?.tokens.refreshToken).toBe("refresh-gen1");
  });

  it("deletes the row when the backend refuses the refresh token", async () => {
    const before = (await stores[0]!.get(sessionId, Date.now()))!;
    const result = await refreshRow(stores[0]!, sessionId, before, {
      refresh: () => Promise.reject(new BackendError("refresh_rejected", "revoked")),
      leaseMs: 1_000,
    });
    expect(result).toEqual({ status: "ended" });
    expect(await stores[1]!.get(sessionId, Date.now())).toBeNull();
  });

  it("keeps the session and gives the lease back when the backend is down", async () => {
    const before = (await stores[0]!.get(sessionId, Date.now()))!;
    const down = await refreshRow(stores[0]!, sessionId, before, {
      refresh: () => Promise.reject(new BackendError("unavailable", "down")),
      leaseMs: 60_000,
    });
    expect(down).toEqual({ status: "unavailable", session: before });
    const backend = rotatingBackend(0);
    const retry = await refreshRow(stores[1]!, sessionId, before, {
      refresh: (t) => backend.refresh(t),
      leaseMs: 1_000,
    });
    expect(retry).toMatchObject({ status: "fresh", session: { version: 2 } });
  });

  it("takes over the refresh once a crashed claimant's lease lapsed", async () => {
    const before = (await stores[0]!.get(sessionId, Date.now()))!;
    await stores[0]!.claimRefresh(sessionId, before.version, Date.now() + 100, Date.now());
    const backend = rotatingBackend(0);
    const started = Date.now();
    const result = await refreshRow(stores[1]!, sessionId, before, {
      refresh: (t) => backend.refresh(t),
      leaseMs: 1_000,
      pollMs: 10,
    });
    expect(result).toMatchObject({ status: "fresh", session: { version: 2 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(backend.calls).toEqual(["refresh-initial"]);
  });
});
