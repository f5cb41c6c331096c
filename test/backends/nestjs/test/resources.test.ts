import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALICE, DEMO, claims, client, sleep, startBackend, type Backend } from "./helpers";

const UNAUTHORIZED = { message: "Unauthorized", statusCode: 401 };

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

describe("GET /auth/profile", () => {
  it.each([
    ["demo", DEMO, { sub: 1, username: "demo", email: "demo@example.com", roles: ["admin"] }],
    ["alice", ALICE, { sub: 2, username: "alice", email: "alice@example.com", roles: [] }],
  ])("answers %s's access token with {sub, username, email, roles, iat, exp}", async (_, user, expected) => {
    const pair = await api.signIn(user);
    const answer = await api.profile(pair.access_token);
    expect(answer.status).toBe(200);
    const { iat, exp } = claims(pair.access_token);
    expect(answer.body).toEqual({ ...expected, iat, exp });
    expect(await api.stats()).toMatchObject({ resourceCalls: 1, rejectedResourceCalls: 0 });
  });
});

describe("GET /api/items", () => {
  it("lists at least two {id, title} items for demo and counts a resource call", async () => {
    const pair = await api.signIn();
    const answer = await api.items(pair.access_token);
    expect(answer.status).toBe(200);
    const items = answer.body as Array<{ id: unknown; title: unknown }>;
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) {
      expect(typeof item.id).toBe("number");
      expect(typeof item.title).toBe("string");
    }
    expect(await api.stats()).toMatchObject({ resourceCalls: 1, rejectedResourceCalls: 0 });
  });
});

describe.each([
  ["GET /auth/profile", "profile"],
  ["GET /api/items", "items"],
] as const)("%s refusals", (_, route) => {
  it.each([
    ["no Authorization header", async () => undefined],
    ["garbage", async () => "garbage"],
    ["a Basic scheme instead of Bearer", async () => "Basic ZGVtbzpkZW1vLXBhc3N3b3Jk"],
    ["the refresh token", async () => (await api.signIn()).refresh_token],
    [
      "the access token of a signed-out session",
      async () => {
        const pair = await api.signIn();
        await api.logout(pair.access_token);
        return pair.access_token;
      },
    ],
    [
      "the access token of a session revoked for reuse",
      async () => {
        const pair = await api.signIn();
        await api.refresh(pair.refresh_token);
        await api.refresh(pair.refresh_token);
        return pair.access_token;
      },
    ],
    [
      "an access token issued before a reset",
      async () => {
        const pair = await api.signIn();
        await api.reset();
        return pair.access_token;
      },
    ],
  ])("refuses %s with a bare 401 and no WWW-Authenticate", async (_, token) => {
    const value = await token();
    const headers: Record<string, string> = {};
    if (value?.startsWith("Basic ")) headers.authorization = value;
    const answer =
      value === undefined || value.startsWith("Basic ")
        ? await fetchJson(route, headers)
        : await api[route](value);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(UNAUTHORIZED);
    expect(answer.headers.get("www-authenticate")).toBeNull();
    expect((await api.stats()).rejectedResourceCalls).toBe(1);
    expect((await api.stats()).resourceCalls).toBe(0);
  });
});

async function fetchJson(route: "profile" | "items", headers: Record<string, string>) {
  const path = route === "profile" ? "/auth/profile" : "/api/items";
  const response = await fetch(`${backend.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe("POST /auth/logout", () => {
  it("ends the session with 204: its refresh token gets 403, its access token 401", async () => {
    const pair = await api.signIn();
    const answer = await api.logout(pair.access_token);
    expect(answer.status).toBe(204);
    expect(answer.body).toBeUndefined();
    expect((await api.refresh(pair.refresh_token)).status).toBe(403);
    expect((await api.profile(pair.access_token)).status).toBe(401);
    expect(await api.stats()).toMatchObject({
      logouts: 1,
      rejectedRefreshes: 1,
      reusedRefreshes: 0,
      rejectedResourceCalls: 1,
    });
  });

  it("signs out only the session whose access token it gets", async () => {
    const first = await api.signIn();
    const second = await api.signIn();
    expect((await api.logout(first.access_token)).status).toBe(204);
    expect((await api.profile(second.access_token)).status).toBe(200);
    expect((await api.refresh(second.refresh_token)).status).toBe(200);
  });

  it.each([
    ["garbage", "garbage"],
    ["an already signed-out session's token", "signed-out"],
  ])("refuses %s with 401 and counts no logout", async (_, kind) => {
    let token = kind;
    if (kind === "signed-out") {
      token = (await api.signIn()).access_token;
      await api.logout(token);
      await api.reset();
    }
    const answer = await api.logout(token);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(UNAUTHORIZED);
    // Logout is no resource call.
    expect(await api.stats()).toMatchObject({ logouts: 0, rejectedResourceCalls: 0 });
  });
});

describe("expired access tokens", () => {
  let short: Backend;
  let shortApi: ReturnType<typeof client>;
  beforeAll(async () => {
    short = await startBackend({ ACCESS_TTL: "1", REFRESH_TTL: "30" });
    shortApi = client(short.url);
  });
  afterAll(() => short.stop());

  it("refuses an expired access token with a bare 401, and a refresh brings a working one", async () => {
    const pair = await shortApi.signIn();
    expect((await shortApi.items(pair.access_token)).status).toBe(200);
    await sleep(1_100);
    const expired = await shortApi.items(pair.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(UNAUTHORIZED);
    expect(expired.headers.get("www-authenticate")).toBeNull();
    const next = (await shortApi.refresh(pair.refresh_token)).body as { access_token: string };
    expect((await shortApi.items(next.access_token)).status).toBe(200);
    expect(await shortApi.stats()).toMatchObject({
      resourceCalls: 2,
      rejectedResourceCalls: 1,
      refreshes: 1,
    });
  });
});
