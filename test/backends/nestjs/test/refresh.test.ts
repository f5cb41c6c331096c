import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALICE, claims, client, simultaneousPosts, startBackend, type Backend } from "./helpers";

const DENIED = { message: "Access Denied", error: "Forbidden", statusCode: 403 };

let backend: Backend;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  backend = await startBackend();
  api = client(backend.url);
});
afterAll(() => backend.stop());
beforeEach(async () => {
  await api.reset();
});

/** The same refresh, sent `count` times at once over connections opened beforehand. */
function together(refreshToken: string, count: number): Promise<number[]> {
  return simultaneousPosts(`${backend.url}/auth/refresh`, { Authorization: `Bearer ${refreshToken}` }, count);
}

describe("POST /auth/refresh", () => {
  it("rotates: a valid current refresh token gives a new pair for the same session", async () => {
    const first = await api.signIn();
    const answer = await api.refresh(first.refresh_token);
    expect(answer.status).toBe(200);
    const second = answer.body as { access_token: string; refresh_token: string };
    expect(Object.keys(second).sort()).toEqual(["access_token", "refresh_token"]);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(claims(second.access_token)).toMatchObject({ sub: 1, username: "demo", sid: claims(first.access_token).sid });
    expect((await api.profile(second.access_token)).status).toBe(200);
    // The new refresh token is the current one now, and works in turn.
    expect((await api.refresh(second.refresh_token)).status).toBe(200);
    expect(await api.stats()).toMatchObject({ refreshes: 2, rejectedRefreshes: 0, reusedRefreshes: 0 });
  });

  it("refuses a rotated-out token with 403 Access Denied and counts it as reused", async () => {
    const first = await api.signIn();
    expect((await api.refresh(first.refresh_token)).status).toBe(200);
    const reuse = await api.refresh(first.refresh_token);
    expect(reuse.status).toBe(403);
    expect(reuse.body).toEqual(DENIED);
    expect(await api.stats()).toMatchObject({ refreshes: 1, rejectedRefreshes: 1, reusedRefreshes: 1 });
  });

  it("revokes the whole session on reuse: its newest refresh and access tokens stop working", async () => {
    const first = await api.signIn();
    const second = (await api.refresh(first.refresh_token)).body as {
      access_token: string;
      refresh_token: string;
    };
    expect((await api.refresh(first.refresh_token)).status).toBe(403);

    const afterRevocation = await api.refresh(second.refresh_token);
    expect(afterRevocation.status).toBe(403);
    expect(afterRevocation.body).toEqual(DENIED);
    expect((await api.profile(second.access_token)).status).toBe(401);
    // The current token of a revoked session is unknown now, not reused.
    expect(await api.stats()).toMatchObject({ refreshes: 1, rejectedRefreshes: 2, reusedRefreshes: 1 });
  });

  it("keeps counting a rotated-out token as reused after its session was revoked", async () => {
    const first = await api.signIn();
    await api.refresh(first.refresh_token);
    await api.refresh(first.refresh_token);
    await api.refresh(first.refresh_token);
    expect(await api.stats()).toMatchObject({ rejectedRefreshes: 2, reusedRefreshes: 2 });
  });

  it("revokes only the session whose token was reused, not the user's other sessions", async () => {
    const laptop = await api.signIn();
    const phone = await api.signIn();
    await api.refresh(laptop.refresh_token);
    expect((await api.refresh(laptop.refresh_token)).status).toBe(403);
    expect((await api.profile(phone.access_token)).status).toBe(200);
    expect((await api.refresh(phone.refresh_token)).status).toBe(200);
  });

  it("lets exactly one of two identical refreshes sent at the same time win, every time", async () => {
    for (let round = 1; round <= 5; round += 1) {
      const pair = await api.signIn();
      const statuses = await together(pair.refresh_token, 2);
      expect(statuses.sort()).toEqual([200, 403]);
      // The loser presented a token the winner had rotated out: reuse, so the session ends.
      expect(await api.stats()).toMatchObject({
        refreshes: round,
        rejectedRefreshes: round,
        reusedRefreshes: round,
      });
    }
  });

  it("lets exactly one of ten identical refreshes sent at the same time win", async () => {
    const pair = await api.signIn();
    const statuses = await together(pair.refresh_token, 10);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 403)).toHaveLength(9);
    expect(await api.stats()).toMatchObject({ refreshes: 1, rejectedRefreshes: 9, reusedRefreshes: 9 });
  });

  it.each([
    ["no Authorization header", undefined],
    ["an empty bearer token", ""],
    ["garbage", "not-a-jwt"],
    ["a JWT signed with another secret", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOjEsInVzZXJuYW1lIjoiZGVtbyIsInNpZCI6IngiLCJqdGkiOiJ5IiwiaWF0IjoxLCJleHAiOjk5OTk5OTk5OTl9.c2lnbmF0dXJlLWZyb20tc29tZXdoZXJlLWVsc2U"],
    ["an unsigned JWT (alg none)", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOjEsInVzZXJuYW1lIjoiZGVtbyIsInNpZCI6IngiLCJqdGkiOiJ5IiwiaWF0IjoxLCJleHAiOjk5OTk5OTk5OTl9."],
  ])("refuses %s with 403 Access Denied, counted as rejected but not reused", async (_, token) => {
    const answer =
      token === undefined
        ? await fetch(`${backend.url}/auth/refresh`, { method: "POST" }).then(async (r) => ({
            status: r.status,
            body: await r.json(),
          }))
        : await api.refresh(token);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(DENIED);
    expect(await api.stats()).toMatchObject({ refreshes: 0, rejectedRefreshes: 1, reusedRefreshes: 0 });
  });

  it("refuses a well-signed refresh token the backend forgot (reset) as unknown, not reused", async () => {
    const pair = await api.signIn(ALICE);
    expect((await api.reset()).status).toBe(204);
    const answer = await api.refresh(pair.refresh_token);
    expect(answer.status).toBe(403);
    expect(await api.stats()).toMatchObject({ rejectedRefreshes: 1, reusedRefreshes: 0 });
  });

  it("refuses the refresh token of a signed-out session with 403", async () => {
    const pair = await api.signIn();
    expect((await api.logout(pair.access_token)).status).toBe(204);
    const answer = await api.refresh(pair.refresh_token);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(DENIED);
    expect(await api.stats()).toMatchObject({ logouts: 1, rejectedRefreshes: 1, reusedRefreshes: 0 });
  });
});

describe("POST /auth/refresh with short lifetimes", () => {
  let short: Backend;
  let shortApi: ReturnType<typeof client>;
  beforeAll(async () => {
    short = await startBackend({ ACCESS_TTL: "1", REFRESH_TTL: "2" });
    shortApi = client(short.url);
  });
  afterAll(() => short.stop());

  it("refuses an expired refresh token with 403, counted as rejected", async () => {
    const pair = await shortApi.signIn();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const answer = await shortApi.refresh(pair.refresh_token);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(DENIED);
    expect(await shortApi.stats()).toMatchObject({ refreshes: 0, rejectedRefreshes: 1, reusedRefreshes: 0 });
  });
});
