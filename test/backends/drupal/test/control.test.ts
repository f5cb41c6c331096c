import { afterEach, describe, expect, it } from "vitest";
import { CLIENT, DEMO, startDrupal, type Harness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const wrong = { grant_type: "password", ...CLIENT, username: "demo", password: "wrong" };

describe("test control: GET /__mock/stats", () => {
  it("starts with every counter at zero, in the contract's key set", async () => {
    h = await startDrupal();
    expect(await h.stats()).toStrictEqual({
      logins: 0,
      failedLogins: 0,
      refreshes: 0,
      rejectedRefreshes: 0,
      reusedRefreshes: 0,
      resourceCalls: 0,
      rejectedResourceCalls: 0,
      logouts: 0,
    });
  });

  it("counts logins, failed logins, refreshes, resource calls and refused resource calls", async () => {
    h = await startDrupal();
    const { access_token, refresh_token } = await h.login();
    await h.token(wrong);
    await h.token({ grant_type: "password", client_id: "next-app", client_secret: "bad", ...DEMO });
    await h.get("/jsonapi", access_token);
    await h.get("/jsonapi/node/article", access_token);
    await h.get("/oauth/userinfo", access_token, "application/json");
    const refreshed = (await (await h.refresh(refresh_token)).json()) as { access_token: string };
    await h.get("/jsonapi/node/article", access_token); // revoked by the refresh
    await h.get("/jsonapi/node/article", refreshed.access_token);
    expect(await h.stats()).toStrictEqual({
      logins: 1,
      failedLogins: 2,
      refreshes: 1,
      rejectedRefreshes: 0,
      reusedRefreshes: 0,
      resourceCalls: 4,
      rejectedResourceCalls: 1,
      logouts: 0,
    });
  });

  it("does not count 403 and 404 answers as resource calls", async () => {
    h = await startDrupal();
    const { access_token } = await h.login();
    await h.get("/jsonapi/user/user/9b0e7c42-61d5-4f3a-8c2e-7a4b1d9e3f25", access_token);
    await h.get("/jsonapi/node/article/00000000-0000-4000-8000-000000000000", access_token);
    expect(await h.stats()).toMatchObject({ resourceCalls: 0, rejectedResourceCalls: 0 });
  });
});

describe("test control: POST /__mock/reset", () => {
  it("answers 204, zeros the counters and forgets every token", async () => {
    h = await startDrupal();
    const { access_token, refresh_token } = await h.login();
    await h.token(wrong);
    const response = await fetch(`${h.base}/__mock/reset`, { method: "POST" });
    expect(response.status).toBe(204);
    expect(Object.values(await h.stats()).every((count) => count === 0)).toBe(true);
    expect((await h.get("/jsonapi", access_token)).status).toBe(401);
    expect((await h.refresh(refresh_token)).status).toBe(400);
    // Forgotten, not rotated: a rejection but no reuse.
    expect(await h.stats()).toMatchObject({ rejectedRefreshes: 1, reusedRefreshes: 0, rejectedResourceCalls: 1 });
  });

  it("clears flood control, so a blocked account signs in again", async () => {
    h = await startDrupal();
    for (let i = 0; i < 5; i++) await h.token(wrong);
    expect((await h.token({ grant_type: "password", ...CLIENT, ...DEMO })).status).toBe(403);
    await fetch(`${h.base}/__mock/reset`, { method: "POST" });
    expect((await h.token({ grant_type: "password", ...CLIENT, ...DEMO })).status).toBe(200);
  });
});

describe("flood control", () => {
  it("lets four failures pass and a correct fifth attempt sign in, which clears the account's failures", async () => {
    h = await startDrupal();
    for (let i = 0; i < 4; i++) expect((await h.token(wrong)).status).toBe(400);
    expect((await h.token({ grant_type: "password", ...CLIENT, ...DEMO })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await h.token(wrong)).status).toBe(400);
    expect((await h.token({ grant_type: "password", ...CLIENT, ...DEMO })).status).toBe(200);
  });

  it("blocks an account for six hours, then lets it in again", async () => {
    h = await startDrupal();
    for (let i = 0; i < 5; i++) await h.token(wrong);
    h.clock.advance(6 * 3600 - 1);
    expect((await h.token({ grant_type: "password", ...CLIENT, ...DEMO })).status).toBe(403);
    h.clock.advance(1);
    expect((await h.token({ grant_type: "password", ...CLIENT, ...DEMO })).status).toBe(200);
  });

  it("blocks one account without blocking another", async () => {
    h = await startDrupal();
    for (let i = 0; i < 5; i++) await h.token(wrong);
    expect((await h.token({ grant_type: "password", ...CLIENT, username: "alice", password: "alice-password" })).status).toBe(200);
  });

  it("counts flood-blocked attempts as failed logins", async () => {
    h = await startDrupal();
    for (let i = 0; i < 5; i++) await h.token(wrong);
    await h.token({ grant_type: "password", ...CLIENT, ...DEMO });
    expect(await h.stats()).toMatchObject({ logins: 0, failedLogins: 6 });
  });

  it("does not count a refused client as a failed login attempt for flood control", async () => {
    h = await startDrupal();
    for (let i = 0; i < 6; i++) {
      await h.token({ grant_type: "password", client_id: "next-app", client_secret: "bad", username: "demo", password: "x" });
    }
    expect((await h.token({ grant_type: "password", ...CLIENT, ...DEMO })).status).toBe(200);
  });
});
