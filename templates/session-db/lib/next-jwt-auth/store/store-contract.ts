// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { LATEST_SCHEMA_VERSION } from "./migrations";
import type { NewSession, SessionStore } from "./types";

/** What the contract needs from one store implementation, for one test's private database. */
export interface StoreHarness {
  /**
   * Open a store on this test's database with `NEXTAUTH_SECRET`-style secrets.
   * Each call is a separate connection, like another process of the app.
   */
  open(secrets: string): Promise<SessionStore>;
  /** Every row of every table as JSON text: what a stolen dump would show. */
  dump(): Promise<string>;
  /** Close what `open` opened and drop the database. */
  dispose(): Promise<void>;
}

const T0 = Date.UTC(2030, 0, 1);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SECRET = "contract-secret-current-0123456789abcdef";
const OLD_SECRET = "contract-secret-previous-0123456789abcdef";

const alice = {
  id: "u-alice",
  name: "Alice",
  email: "alice@example.test",
  roles: ["admin", "editor"],
};
const bob = { id: "u-bob", name: "Bob", roles: [] };

let tokenCounter = 0;
function tokens(label = "t"): TokenSet {
  tokenCounter += 1;
  return {
    accessToken: `access-${label}-${tokenCounter}-${"x".repeat(20)}`,
    refreshToken: `refresh-${label}-${tokenCounter}-${"y".repeat(20)}`,
    accessTokenExpiresAt: T0 + 5 * MINUTE,
    refreshTokenExpiresAt: T0 + 8 * HOUR,
  };
}

function newSession(overrides: Partial<NewSession> = {}): NewSession {
  return {
    user: alice,
    tokens: tokens(),
    now: T0,
    idleExpiresAt: T0 + 30 * MINUTE,
    absoluteExpiresAt: T0 + 8 * HOUR,
    userAgent: "Mozilla/5.0 (contract test)",
    ...overrides,
  };
}

/**
 * The behaviour every `SessionStore` must have. Each implementation's test
 * file calls this with a factory giving a fresh, private database per test.
 */
export function describeSessionStoreContract(
  name: string,
  createHarness: () => Promise<StoreHarness>,
): void {
  describe(`${name} session store contract`, () => {
    let harness: StoreHarness;
    let store: SessionStore;

    beforeEach(async () => {
      harness = await createHarness();
      store = await harness.open(SECRET);
    });
    afterEach(async () => {
      await harness.dispose();
    });

    it("gives back the user, tokens, times and user agent it stored, at version 1", async () => {
      const input = newSession();
      const { sessionId, session } = await store.create(input);
      const read = await store.get(sessionId, T0 + MINUTE);
      expect(read).toEqual(session);
      expect(read).toMatchObject({
        user: alice,
        tokens: input.tokens,
        createdAt: T0,
        lastSeenAt: T0,
        idleExpiresAt: T0 + 30 * MINUTE,
        absoluteExpiresAt: T0 + 8 * HOUR,
        userAgent: "Mozilla/5.0 (contract test)",
        version: 1,
      });
    });

    it("keeps the user's roles, and reads a row without readable roles as having none", async () => {
      const { sessionId } = await store.create(newSession({ user: bob }));
      expect((await store.get(sessionId, T0 + MINUTE))?.user.roles).toEqual([]);
      const admin = await store.create(newSession());
      expect((await store.get(admin.sessionId, T0 + MINUTE))?.user.roles).toEqual([
        "admin",
        "editor",
      ]);
    });

    it("draws a fresh 256-bit base64url session id for every session", async () => {
      const ids = await Promise.all(
        [1, 2, 3].map(async () => (await store.create(newSession())).sessionId),
      );
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(new Set(ids).size).toBe(3);
    });

    it("stores only the SHA-256 of the session id and never a plaintext token", async () => {
      const input = newSession();
      const { sessionId, session } = await store.create(input);
      const dump = await harness.dump();
      expect(session.idHash).toBe(createHash("sha256").update(sessionId).digest("hex"));
      expect(dump).toContain(session.idHash);
      expect(dump).not.toContain(sessionId);
      expect(dump).not.toContain(input.tokens.accessToken);
      expect(dump).not.toContain(input.tokens.refreshToken);
      expect(dump).toContain("alice@example.test");
    });

    it.each([
      ["an unknown id", "A".repeat(43)],
      ["an empty id", ""],
      ["a too short id", "abc"],
      ["an id with SQL in it", "' OR 1=1 --"],
      ["the stored hash instead of the id", "hash"],
    ])("finds no session for %s", async (_label, probe) => {
      const { session } = await store.create(newSession());
      const id = probe === "hash" ? session.idHash : probe;
      expect(await store.get(id, T0)).toBeNull();
    });

    it("touch moves last-seen and the idle expiry, never past the absolute expiry", async () => {
      const { sessionId } = await store.create(newSession({ absoluteExpiresAt: T0 + HOUR }));
      await store.touch(sessionId, T0 + 20 * MINUTE, T0 + 50 * MINUTE);
      expect(await store.get(sessionId, T0 + 40 * MINUTE)).toMatchObject({
        lastSeenAt: T0 + 20 * MINUTE,
        idleExpiresAt: T0 + 50 * MINUTE,
        version: 1,
      });
      await store.touch(sessionId, T0 + 45 * MINUTE, T0 + 75 * MINUTE);
      expect((await store.get(sessionId, T0 + 46 * MINUTE))?.idleExpiresAt).toBe(T0 + HOUR);
    });

    it("ends a session once it is idle for too long", async () => {
      const { sessionId } = await store.create(newSession());
      expect(await store.get(sessionId, T0 + 30 * MINUTE - 1)).not.toBeNull();
      expect(await store.get(sessionId, T0 + 30 * MINUTE)).toBeNull();
    });

    it("ends a session at its absolute expiry however active it is", async () => {
      const { sessionId } = await store.create(newSession({ absoluteExpiresAt: T0 + HOUR }));
      for (let t = T0 + 10 * MINUTE; t < T0 + HOUR; t += 10 * MINUTE) {
        await store.touch(sessionId, t, t + 30 * MINUTE);
      }
      expect(await store.get(sessionId, T0 + HOUR - 1)).not.toBeNull();
      expect(await store.get(sessionId, T0 + HOUR)).toBeNull();
    });

    it("rotate replaces the tokens and bumps the version when the version matches", async () => {
      const { sessionId } = await store.create(newSession());
      const next = tokens("rotated");
      const result = await store.rotate(sessionId, 1, next, T0 + 6 * MINUTE);
      expect(result).toMatchObject({ status: "won", session: { tokens: next, version: 2 } });
      expect(await store.get(sessionId, T0 + 7 * MINUTE)).toMatchObject({
        tokens: next,
        version: 2,
      });
    });

    it("rotate with a stale version changes nothing and returns the current row", async () => {
      const { sessionId } = await store.create(newSession());
      const first = tokens("first");
      await store.rotate(sessionId, 1, first, T0 + MINUTE);
      const result = await store.rotate(sessionId, 1, tokens("late"), T0 + 2 * MINUTE);
      expect(result).toMatchObject({ status: "lost", session: { tokens: first, version: 2 } });
    });

    it("of racing rotations from separate connections exactly one wins and the losers get the winner's tokens", async () => {
      const { sessionId } = await store.create(newSession());
      const others = await Promise.all([1, 2, 3].map(() => harness.open(SECRET)));
      const racers = [store, ...others, store, ...others];
      const candidates = racers.map((_, i) => tokens(`racer${i}`));
      const results = await Promise.all(
        racers.map((racer, i) => racer.rotate(sessionId, 1, candidates[i]!, T0 + MINUTE)),
      );
      const winners = results.filter((r) => r.status === "won");
      expect(winners).toHaveLength(1);
      const winnerTokens = winners[0]!.session.tokens;
      expect(candidates).toContainEqual(winnerTokens);
      for (const result of results) {
        expect(result.status === "gone" ? null : result.session).toMatchObject({
          tokens: winnerTokens,
          version: 2,
        });
      }
      expect(await store.get(sessionId, T0 + MINUTE)).toMatchObject({
        tokens: winnerTokens,
        version: 2,
      });
    });

    it("of racing refresh claims from separate connections exactly one gets the lease", async () => {
      const { sessionId } = await store.create(newSession());
      const others = await Promise.all([1, 2, 3].map(() => harness.open(SECRET)));
      const results = await Promise.all(
        [store, ...others, store, ...others].map((s) =>
          s.claimRefresh(sessionId, 1, T0 + MINUTE, T0),
        ),
      );
      expect(results.filter((r) => r.status === "claimed")).toHaveLength(1);
      expect(results.filter((r) => r.status === "busy")).toHaveLength(results.length - 1);
    });

    it("grants a refresh lease again once it lapsed, was released or the row rotated", async () => {
      const { sessionId } = await store.create(newSession());
      expect((await store.claimRefresh(sessionId, 1, T0 + MINUTE, T0)).status).toBe("claimed");
      expect(
        (await store.claimRefresh(sessionId, 1, T0 + 2 * MINUTE, T0 + MINUTE - 1)).status,
      ).toBe("busy");
      expect((await store.claimRefresh(sessionId, 1, T0 + 2 * MINUTE, T0 + MINUTE)).status).toBe(
        "claimed",
      );
      await store.releaseRefresh(sessionId, 1);
      expect((await store.claimRefresh(sessionId, 1, T0 + 3 * MINUTE, T0 + MINUTE)).status).toBe(
        "claimed",
      );
      await store.rotate(sessionId, 1, tokens("after-lease"), T0 + MINUTE);
      expect((await store.claimRefresh(sessionId, 1, T0 + 3 * MINUTE, T0 + MINUTE)).status).toBe(
        "busy",
      );
      expect((await store.claimRefresh(sessionId, 2, T0 + 3 * MINUTE, T0 + MINUTE)).status).toBe(
        "claimed",
      );
      await store.delete(sessionId);
      expect(await store.claimRefresh(sessionId, 2, T0 + 3 * MINUTE, T0 + MINUTE)).toEqual({
        status: "gone",
      });
    });

    it("rotate reports a deleted session as gone", async () => {
      const { sessionId } = await store.create(newSession());
      await store.delete(sessionId);
      expect(await store.rotate(sessionId, 1, tokens(), T0 + MINUTE)).toEqual({ status: "gone" });
    });

    it("after delete the session is gone for every connection at once", async () => {
      const { sessionId } = await store.create(newSession());
      const other = await harness.open(SECRET);
      expect(await other.get(sessionId, T0)).not.toBeNull();
      await store.delete(sessionId);
      expect(await store.get(sessionId, T0)).toBeNull();
      expect(await other.get(sessionId, T0)).toBeNull();
      await expect(store.delete(sessionId)).resolves.toBeUndefined();
    });

    it("lists a user's live sessions, most recently seen first, without tokens", async () => {
      const older = await store.create(newSession({ userAgent: "older" }));
      const newer = await store.create(newSession({ userAgent: "newer" }));
      await store.touch(newer.sessionId, T0 + 5 * MINUTE, T0 + 35 * MINUTE);
      await store.create(newSession({ user: bob, userAgent: "bob's" }));
      await store.create(newSession({ userAgent: "expired", idleExpiresAt: T0 + MINUTE }));

      const list = await store.listForUser(alice.id, T0 + 10 * MINUTE);
      expect(list.map((s) => s.userAgent)).toEqual(["newer", "older"]);
      expect(list.map((s) => s.idHash)).toEqual([newer.session.idHash, older.session.idHash]);
      expect(JSON.stringify(list)).not.toMatch(/access-|refresh-/);
    });

    it("deletes one of the user's sessions by hash, but not another user's", async () => {
      const mine = await store.create(newSession());
      const bobs = await store.create(newSession({ user: bob }));
      expect(await store.deleteForUser(alice.id, bobs.session.idHash)).toBe(false);
      expect(await store.get(bobs.sessionId, T0)).not.toBeNull();
      expect(await store.deleteForUser(alice.id, mine.session.idHash)).toBe(true);
      expect(await store.get(mine.sessionId, T0)).toBeNull();
    });

    it("signs the user out everywhere else, keeping the current session and other users' sessions", async () => {
      const current = await store.create(newSession());
      const phone = await store.create(newSession());
      const laptop = await store.create(newSession());
      const bobs = await store.create(newSession({ user: bob }));

      expect(await store.deleteOthersForUser(alice.id, current.sessionId)).toBe(2);
      expect(await store.get(current.sessionId, T0)).not.toBeNull();
      expect(await store.get(phone.sessionId, T0)).toBeNull();
      expect(await store.get(laptop.sessionId, T0)).toBeNull();
      expect(await store.get(bobs.sessionId, T0)).not.toBeNull();
    });

    it("deletes expired sessions in bounded batches and leaves live ones", async () => {
      for (let i = 0; i < 3; i++) await store.create(newSession({ idleExpiresAt: T0 + MINUTE }));
      for (let i = 0; i < 2; i++)
        await store.create(newSession({ absoluteExpiresAt: T0 + 2 * MINUTE }));
      const live = await store.create(newSession());
      const now = T0 + 3 * MINUTE;

      expect(await store.deleteExpired(now, 2)).toBe(2);
      expect(await store.deleteExpired(now, 2)).toBe(2);
      expect(await store.deleteExpired(now, 2)).toBe(1);
      expect(await store.deleteExpired(now, 2)).toBe(0);
      expect(await store.get(live.sessionId, now)).not.toBeNull();
    });

    it("reads tokens sealed under the previous secret after a secret rotation and seals new ones under the current", async () => {
      const before = await harness.open(OLD_SECRET);
      const input = newSession();
      const { sessionId } = await before.create(input);

      const rotated = await harness.open(`${SECRET},${OLD_SECRET}`);
      expect((await rotated.get(sessionId, T0))?.tokens).toEqual(input.tokens);

      const currentOnly = await harness.open(SECRET);
      expect(await currentOnly.get(sessionId, T0)).toBeNull();

      const next = tokens("after-rotation");
      expect((await rotated.rotate(sessionId, 1, next, T0 + MINUTE)).status).toBe("won");
      expect((await currentOnly.get(sessionId, T0 + MINUTE))?.tokens).toEqual(next);
    });

    it("holds the latest schema version, and opening again migrates nothing twice", async () => {
      expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      const again = await harness.open(SECRET);
      expect(await again.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect((await harness.dump()).match(/"sessions table"/g)).toHaveLength(1);
    });
  });
}
