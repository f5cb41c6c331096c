import { describe, expect, it } from "vitest";
import { ACCESS_TTL, ALICE, DEMO, DIALECTS, REFRESH_TTL, startBackend } from "./helpers.js";

const message = async (response: Response) =>
  ((await response.json()) as { message: unknown }).message;

describe.each(DIALECTS)("the $flavor flavor", (dialect) => {
  describe("login", () => {
    it.each([
      {
        who: "demo",
        user: DEMO,
        name: dialect.flavor === "dummyjson" ? "demo" : "Demo User",
        email: "demo@example.com",
      },
      {
        who: "alice",
        user: ALICE,
        name: dialect.flavor === "dummyjson" ? "alice" : "Alice Example",
        email: "alice@example.com",
      },
    ])(
      "signs $who in with a pair whose access token opens the me endpoint",
      async ({ user, name, email }) => {
        const backend = await startBackend(dialect);
        const response = await backend.login(user);
        expect(response.status).toBe(200);
        const pair = backend.pairOf(await response.json());
        expect(pair.access).toEqual(expect.any(String));
        expect(pair.refresh).toEqual(expect.any(String));
        expect(pair.access).not.toBe(pair.refresh);

        const me = await backend.get(dialect.paths.me, pair.access);
        expect(me.status).toBe(200);
        const body = (await me.json()) as Record<string, unknown>;
        expect(body[dialect.user.name]).toBe(name);
        expect(body[dialect.user.email]).toBe(email);
        expect(body[dialect.user.id]).toBeDefined();
        expect(JSON.stringify(body)).not.toContain("password");
      },
    );

    it.each([
      { why: "a wrong password", username: "demo", password: "nope" },
      { why: "an unknown user", username: "mallory", password: "demo-password" },
      { why: "another user's password", username: "alice", password: "demo-password" },
    ])(
      "refuses $why with the flavor's status and {message: 'Invalid credentials'}",
      async ({ username, password }) => {
        const backend = await startBackend(dialect);
        const response = await backend.login({ username, password });
        expect(response.status).toBe(dialect.status.badCredentials);
        expect(await message(response)).toBe("Invalid credentials");
        expect(await backend.stats()).toMatchObject({ logins: 0, failedLogins: 1 });
      },
    );

    it.each([
      { why: "an empty body", body: undefined },
      { why: "no password", body: { [dialect.request.username]: "demo" } },
      {
        why: "a numeric password",
        body: { [dialect.request.username]: "demo", [dialect.request.password]: 1 },
      },
      {
        why: "the other flavor's field names",
        body:
          dialect.flavor === "dummyjson"
            ? { login: "demo", secret: "demo-password" }
            : { username: "demo", password: "demo-password" },
      },
    ])("answers 400 with a message to $why, counting a failed login", async ({ body }) => {
      const backend = await startBackend(dialect);
      const response = await backend.post(dialect.paths.login, body);
      expect(response.status).toBe(400);
      expect(await message(response)).toEqual(expect.any(String));
      expect((await backend.stats()).failedLogins).toBe(1);
    });

    it("answers 400 to a body that is not JSON", async () => {
      const backend = await startBackend(dialect);
      const response = await fetch(backend.url + dialect.paths.login, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{not json",
      });
      expect(response.status).toBe(400);
      expect(await message(response)).toBe("Invalid JSON body");
    });

    it("issues different tokens to two sign-ins of the same user in the same second", async () => {
      const backend = await startBackend(dialect);
      const first = await backend.signIn();
      const second = await backend.signIn();
      expect(second.access).not.toBe(first.access);
      expect(second.refresh).not.toBe(first.refresh);
    });
  });

  describe("bearer calls (me and the demo resource)", () => {
    it("lists at least two demo items with id and title", async () => {
      const backend = await startBackend(dialect);
      const { access } = await backend.signIn();
      const response = await backend.get(dialect.paths.resource, access);
      expect(response.status).toBe(200);
      const items = dialect.items(await response.json());
      expect(items.length).toBeGreaterThanOrEqual(2);
      for (const item of items)
        expect(item).toEqual({ id: expect.anything(), title: expect.any(String) });
    });

    it.each([{ path: "me" as const }, { path: "resource" as const }])(
      "answers the $path endpoint 401 with the DummyJSON messages",
      async ({ path }) => {
        const backend = await startBackend(dialect);
        const { access, refresh } = await backend.signIn();
        const url = dialect.paths[path];

        const cases: [string, string | undefined, string][] = [
          ["missing", undefined, "Access Token is required"],
          ["garbage", "not-a-token", "Invalid/Expired Token!"],
          ["tampered", `${access.slice(0, -4)}AAAA`, "Invalid/Expired Token!"],
          ["a refresh token", refresh, "Invalid/Expired Token!"],
        ];
        for (const [why, token, expected] of cases) {
          const response = await backend.get(url, token);
          expect(response.status, why).toBe(401);
          expect(await message(response), why).toBe(expected);
        }
        backend.advance(ACCESS_TTL);
        const expired = await backend.get(url, access);
        expect(expired.status).toBe(401);
        expect(await message(expired)).toBe("Token Expired!");

        // The missing token is not a bad token: only the four presented ones count.
        expect(await backend.stats()).toMatchObject({ resourceCalls: 0, rejectedResourceCalls: 4 });
      },
    );

    it("accepts the access token until the last second of its lifetime, then says it expired", async () => {
      const backend = await startBackend(dialect);
      const { access } = await backend.signIn();
      backend.advance(ACCESS_TTL - 1);
      expect((await backend.get(dialect.paths.me, access)).status).toBe(200);
      backend.advance(1);
      const response = await backend.get(dialect.paths.me, access);
      expect(response.status).toBe(401);
      expect(await message(response)).toBe("Token Expired!");
    });

    it("answers a Basic Authorization header like a missing token", async () => {
      const backend = await startBackend(dialect);
      const response = await fetch(backend.url + dialect.paths.me, {
        headers: { authorization: "Basic ZGVtbzpkZW1vLXBhc3N3b3Jk" },
      });
      expect(response.status).toBe(401);
      expect(await message(response)).toBe("Access Token is required");
    });
  });

  describe("refresh", () => {
    it("rotates: a new pair, the old access token keeps working until it expires, the new one works", async () => {
      const backend = await startBackend(dialect);
      const first = await backend.signIn();
      backend.advance(5);
      const response = await backend.refresh(first.refresh);
      expect(response.status).toBe(200);
      const second = backend.pairOf(await response.json());
      expect(second.access).not.toBe(first.access);
      expect(second.refresh).not.toBe(first.refresh);
      expect((await backend.get(dialect.paths.me, second.access)).status).toBe(200);
      expect((await backend.get(dialect.paths.me, first.access)).status).toBe(200);
      expect(await backend.stats()).toMatchObject({
        refreshes: 1,
        rejectedRefreshes: 0,
        reusedRefreshes: 0,
      });
    });

    it("keeps rotating through a chain of refreshes, each with the newest token", async () => {
      const backend = await startBackend(dialect);
      let pair = await backend.signIn();
      for (let i = 0; i < 5; i++) {
        backend.advance(ACCESS_TTL);
        const response = await backend.refresh(pair.refresh);
        expect(response.status).toBe(200);
        pair = backend.pairOf(await response.json());
        expect((await backend.get(dialect.paths.resource, pair.access)).status).toBe(200);
      }
      expect(await backend.stats()).toMatchObject({
        refreshes: 5,
        rejectedRefreshes: 0,
        reusedRefreshes: 0,
      });
    });

    it("refuses a replayed refresh token, counts it as reuse and revokes the whole session", async () => {
      const backend = await startBackend(dialect);
      const first = await backend.signIn();
      const second = backend.pairOf(await (await backend.refresh(first.refresh)).json());

      const replay = await backend.refresh(first.refresh);
      expect(replay.status).toBe(dialect.status.badRefreshToken);
      expect(await message(replay)).toBe("Invalid refresh token");
      expect(await backend.stats()).toMatchObject({
        refreshes: 1,
        rejectedRefreshes: 1,
        reusedRefreshes: 1,
      });

      // RFC 9700 §4.14.2: the legitimate holder's newer tokens die with it.
      expect((await backend.refresh(second.refresh)).status).toBe(dialect.status.badRefreshToken);
      expect((await backend.get(dialect.paths.me, second.access)).status).toBe(401);
      // That later refusal is a revoked token, not a reuse.
      expect(await backend.stats()).toMatchObject({ rejectedRefreshes: 2, reusedRefreshes: 1 });
    });

    it("does not touch other sessions when one session's token is replayed", async () => {
      const backend = await startBackend(dialect);
      const victim = await backend.signIn();
      const other = await backend.signIn(ALICE);
      await backend.refresh(victim.refresh);
      await backend.refresh(victim.refresh);
      expect((await backend.refresh(other.refresh)).status).toBe(200);
    });

    it.each([2, 5])("lets exactly one of %i identical concurrent refreshes win", async (count) => {
      const backend = await startBackend(dialect);
      const { refresh } = await backend.signIn();
      const responses = await Promise.all(
        Array.from({ length: count }, () => backend.refresh(refresh)),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === dialect.status.badRefreshToken)).toHaveLength(
        count - 1,
      );
      expect(await backend.stats()).toMatchObject({
        refreshes: 1,
        rejectedRefreshes: count - 1,
        reusedRefreshes: count - 1,
      });
    });

    it.each([
      { why: "an unknown token", token: "no-such-token", status: dialect.status.badRefreshToken },
      { why: "an empty token", token: "", status: dialect.flavor === "dummyjson" ? 401 : 400 },
    ])("refuses $why and counts it as rejected, not reused", async ({ token, status }) => {
      const backend = await startBackend(dialect);
      const response = await backend.refresh(token);
      expect(response.status).toBe(status);
      expect(await message(response)).toEqual(expect.any(String));
      expect(await backend.stats()).toMatchObject({
        refreshes: 0,
        rejectedRefreshes: 1,
        reusedRefreshes: 0,
      });
    });

    it("accepts the refresh token until the last second of its lifetime, and refuses it from then on", async () => {
      const live = await startBackend(dialect);
      const early = await live.signIn();
      live.advance(REFRESH_TTL - 1);
      expect((await live.refresh(early.refresh)).status).toBe(200);

      const backend = await startBackend(dialect);
      const { refresh } = await backend.signIn();
      backend.advance(REFRESH_TTL);
      const response = await backend.refresh(refresh);
      expect(response.status).toBe(dialect.status.badRefreshToken);
      expect(await backend.stats()).toMatchObject({ rejectedRefreshes: 1, reusedRefreshes: 0 });
    });

    it("gives each rotated refresh token a fresh lifetime", async () => {
      const backend = await startBackend(dialect);
      let pair = await backend.signIn();
      backend.advance(REFRESH_TTL - 5);
      pair = backend.pairOf(await (await backend.refresh(pair.refresh)).json());
      backend.advance(REFRESH_TTL - 5);
      expect((await backend.refresh(pair.refresh)).status).toBe(200);
    });
  });

  describe("logout", () => {
    it("revokes the session's refresh token and access tokens, and counts one logout", async () => {
      const backend = await startBackend(dialect);
      const session = await backend.signIn();
      const other = await backend.signIn();

      const response = await backend.post(dialect.paths.logout, undefined, session.access);
      expect(response.status).toBe(dialect.status.logout);

      const me = await backend.get(dialect.paths.me, session.access);
      expect(me.status).toBe(401);
      expect(await message(me)).toBe("Invalid/Expired Token!");
      expect((await backend.refresh(session.refresh)).status).toBe(dialect.status.badRefreshToken);
      // Another sign-in of the same user is another session.
      expect((await backend.get(dialect.paths.me, other.access)).status).toBe(200);
      expect(await backend.stats()).toMatchObject({ logouts: 1, reusedRefreshes: 0 });
    });

    it("also revokes access tokens issued by earlier refreshes of that session", async () => {
      const backend = await startBackend(dialect);
      const first = await backend.signIn();
      const second = backend.pairOf(await (await backend.refresh(first.refresh)).json());
      await backend.post(dialect.paths.logout, undefined, second.access);
      expect((await backend.get(dialect.paths.resource, first.access)).status).toBe(401);
    });

    it.each([
      { why: "no access token", token: undefined, expected: "Access Token is required" },
      { why: "an invalid access token", token: "bogus", expected: "Invalid/Expired Token!" },
    ])("answers 401 to a logout with $why and counts no logout", async ({ token, expected }) => {
      const backend = await startBackend(dialect);
      const response = await backend.post(dialect.paths.logout, undefined, token);
      expect(response.status).toBe(401);
      expect(await message(response)).toBe(expected);
      expect(await backend.stats()).toMatchObject({ logouts: 0, rejectedResourceCalls: 0 });
    });
  });

  describe("test control", () => {
    it("counts every kind of call as the contract defines", async () => {
      const backend = await startBackend(dialect);
      await backend.login({ username: "demo", password: "wrong" });
      const pair = await backend.signIn();
      await backend.get(dialect.paths.me, pair.access);
      await backend.get(dialect.paths.resource, pair.access);
      await backend.get(dialect.paths.resource, "bogus");
      const next = backend.pairOf(await (await backend.refresh(pair.refresh)).json());
      await backend.refresh("bogus");
      await backend.post(dialect.paths.logout, undefined, next.access);
      expect(await backend.stats()).toEqual({
        logins: 1,
        failedLogins: 1,
        refreshes: 1,
        rejectedRefreshes: 1,
        reusedRefreshes: 0,
        resourceCalls: 2,
        rejectedResourceCalls: 1,
        logouts: 1,
      });
    });

    it("resets with 204: zero counters, and every token issued before is forgotten", async () => {
      const backend = await startBackend(dialect);
      const pair = await backend.signIn();
      await backend.login({ username: "demo", password: "wrong" });

      const reset = await backend.post("/__mock/reset");
      expect(reset.status).toBe(204);
      expect(await reset.text()).toBe("");
      expect(Object.values(await backend.stats()).every((value) => value === 0)).toBe(true);

      expect((await backend.get(dialect.paths.me, pair.access)).status).toBe(401);
      const refresh = await backend.refresh(pair.refresh);
      expect(refresh.status).toBe(dialect.status.badRefreshToken);
      // Forgotten, so not a reuse.
      expect(await backend.stats()).toMatchObject({ rejectedRefreshes: 1, reusedRefreshes: 0 });
      // Signing in still works.
      await backend.signIn();
    });

    it.each([
      { method: "GET", path: "/nowhere", status: 404 },
      { method: "GET", path: dialect.paths.login, status: 405 },
      { method: "GET", path: "/__mock/reset", status: 405 },
      { method: "POST", path: "/__mock/stats", status: 405 },
    ])("answers $method $path with $status and a {message}", async ({ method, path, status }) => {
      const backend = await startBackend(dialect);
      const response = await fetch(backend.url + path, { method });
      expect(response.status).toBe(status);
      expect(await message(response)).toEqual(expect.any(String));
    });
  });
});
