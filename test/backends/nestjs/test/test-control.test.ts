import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALICE, ZERO_STATS, client, startBackend, type Backend } from "./helpers";

let backend: Backend;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  backend = await startBackend();
  api = client(backend.url);
});
afterAll(() => backend.stop());

describe("GET /__mock/stats and POST /__mock/reset", () => {
  it("starts with every counter of the contract at 0, and no others", async () => {
    await api.reset();
    expect(await api.stats()).toEqual(ZERO_STATS);
  });

  it("counts a whole session's life exactly as the contract defines the counters", async () => {
    await api.reset();
    await api.login({ username: "demo", password: "nope" }); // failedLogins
    await api.login({ username: "demo" }); // 400: not a credential login, counts nothing
    const laptop = await api.signIn(); // logins
    const phone = await api.signIn(ALICE); // logins
    await api.items(laptop.access_token); // resourceCalls
    await api.profile(phone.access_token); // resourceCalls
    await api.items("expired-or-forged"); // rejectedResourceCalls
    const rotated = (await api.refresh(laptop.refresh_token)).body as { access_token: string }; // refreshes
    await api.refresh(laptop.refresh_token); // rejectedRefreshes + reusedRefreshes, session revoked
    await api.items(rotated.access_token); // rejectedResourceCalls (revoked)
    await api.refresh("garbage"); // rejectedRefreshes
    await api.logout(phone.access_token); // logouts
    await api.refresh(phone.refresh_token); // rejectedRefreshes
    expect(await api.stats()).toEqual({
      logins: 2,
      failedLogins: 1,
      refreshes: 1,
      rejectedRefreshes: 3,
      reusedRefreshes: 1,
      resourceCalls: 2,
      rejectedResourceCalls: 2,
      logouts: 1,
    });
  });

  it("reset answers 204 with no body, zeros the counters and forgets every session", async () => {
    const pair = await api.signIn();
    await api.refresh(pair.refresh_token);
    expect((await api.stats()).logins).toBeGreaterThan(0);

    const answer = await api.reset();
    expect(answer.status).toBe(204);
    expect(answer.body).toBeUndefined();
    expect(await api.stats()).toEqual(ZERO_STATS);

    // Forgotten, not just uncounted: the rotated-out token is no longer known as reused either.
    expect((await api.refresh(pair.refresh_token)).status).toBe(403);
    expect(await api.stats()).toEqual({ ...ZERO_STATS, rejectedRefreshes: 1 });
    // And signing in works as before.
    expect((await api.login({ username: "demo", password: "demo-password" })).status).toBe(200);
  });

  it("reset is POST only", async () => {
    const response = await fetch(`${backend.url}/__mock/reset`);
    expect(response.status).toBe(404);
  });
});
