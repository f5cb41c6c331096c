import { decodeProtectedHeader, jwtVerify } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { ALICE, CLIENT, DEMO, startDrupal, type Harness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe.each([6, 5] as const)("simple_oauth %s.x issuing tokens", (version) => {
  it("answers a password grant 200 with no-store, no-cache and the Bearer token body", async () => {
    h = await startDrupal({ version, accessTtl: 300 });
    const response = await h.token({ grant_type: "password", ...CLIENT, ...DEMO });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(response.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["token_type", "expires_in", "access_token", "refresh_token"]);
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(300);
  });

  it("signs the access token RS256 with exactly aud, jti, iat, nbf, exp, sub and scope", async () => {
    h = await startDrupal({ version, accessTtl: 120 });
    const { access_token } = await h.login(ALICE);
    const { payload, protectedHeader } = await jwtVerify(access_token, h.drupal.site.keys.publicKey, {
      currentDate: new Date(h.clock.now()),
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(Object.keys(payload).sort()).toEqual(["aud", "exp", "iat", "jti", "nbf", "scope", "sub"]);
    const now = Math.floor(h.clock.now() / 1000);
    expect(payload).toMatchObject({ aud: "next-app", sub: "3", iat: now, nbf: now, exp: now + 120 });
    expect(typeof payload.jti).toBe("string");
    expect(Array.isArray(payload.scope)).toBe(true);
    expect(payload.scope).toEqual(version === 6 ? ["basic", "content_reader"] : ["authenticated"]);
  });

  it("keeps the refresh token opaque: not a JWT, and without the user's data in clear", async () => {
    h = await startDrupal({ version });
    const { refresh_token } = await h.login();
    expect(refresh_token.split(".").length).toBe(1);
    expect(() => decodeProtectedHeader(refresh_token)).toThrow();
    expect(Buffer.from(refresh_token, "hex").toString("latin1")).not.toContain("next-app");
  });
});

describe("scopes", () => {
  it("grants the scopes asked for when the consumer has them", async () => {
    h = await startDrupal();
    const response = await h.token({ grant_type: "password", ...CLIENT, ...DEMO, scope: "basic" });
    const { access_token } = (await response.json()) as { access_token: string };
    const { payload } = await jwtVerify(access_token, h.drupal.site.keys.publicKey, {
      currentDate: new Date(h.clock.now()),
    });
    expect(payload.scope).toEqual(["basic"]);
  });

  it("refuses a refresh that asks for a scope the old token did not have", async () => {
    h = await startDrupal();
    const login = await h.token({ grant_type: "password", ...CLIENT, ...DEMO, scope: "basic" });
    const { refresh_token } = (await login.json()) as { refresh_token: string };
    const response = await h.token({ grant_type: "refresh_token", ...CLIENT, refresh_token, scope: "content_reader" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_scope", hint: "Check the `content_reader` scope(s)" });
  });
});

describe("rotation", () => {
  it("issues a new refresh token and revokes the old refresh token and the old access token at once", async () => {
    h = await startDrupal();
    const first = await h.login();
    expect((await h.get("/jsonapi/node/article", first.access_token)).status).toBe(200);

    const response = await h.refresh(first.refresh_token);
    expect(response.status).toBe(200);
    const second = (await response.json()) as { access_token: string; refresh_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);

    const old = await h.get("/jsonapi/node/article", first.access_token);
    expect(old.status).toBe(401);
    expect(old.headers.get("www-authenticate")).toBe(
      'Bearer realm="OAuth", error="access_denied", error_description="Access token has been revoked"',
    );
    expect((await h.get("/jsonapi/node/article", second.access_token)).status).toBe(200);
    const replay = await h.refresh(first.refresh_token);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ hint: "Token has been revoked" });
  });

  it("keeps the original scopes on a refresh that asks for none", async () => {
    h = await startDrupal();
    const login = await h.token({ grant_type: "password", ...CLIENT, ...DEMO, scope: "basic" });
    const { refresh_token } = (await login.json()) as { refresh_token: string };
    const { access_token } = (await (await h.refresh(refresh_token)).json()) as { access_token: string };
    const { payload } = await jwtVerify(access_token, h.drupal.site.keys.publicKey, {
      currentDate: new Date(h.clock.now()),
    });
    expect(payload.scope).toEqual(["basic"]);
  });

  it("counts a replayed refresh token as both rejected and reused", async () => {
    h = await startDrupal();
    const { refresh_token } = await h.login();
    await h.refresh(refresh_token);
    await h.refresh(refresh_token);
    await h.refresh("def50200garbled");
    expect(await h.stats()).toMatchObject({ refreshes: 1, rejectedRefreshes: 2, reusedRefreshes: 1 });
  });

  it.each([6, 5] as const)(
    "%s.x serialises two identical refreshes sent at the same moment: exactly one succeeds, the other is revoked",
    async (version) => {
      h = await startDrupal({ version });
      const { refresh_token } = await h.login();
      const responses = await Promise.all([h.refresh(refresh_token), h.refresh(refresh_token)]);
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 400]);
      const failed = responses.find((response) => response.status === 400)!;
      expect(await failed.json()).toMatchObject({ error: "invalid_grant", hint: "Token has been revoked" });
      expect(await h.stats()).toMatchObject({ refreshes: 1, rejectedRefreshes: 1, reusedRefreshes: 1 });
    },
  );

  it("chains: every refresh token works exactly once", async () => {
    h = await startDrupal();
    let { refresh_token } = await h.login();
    for (let i = 0; i < 5; i++) {
      const response = await h.refresh(refresh_token);
      expect(response.status).toBe(200);
      ({ refresh_token } = (await response.json()) as { refresh_token: string });
    }
    expect((await h.stats()).refreshes).toBe(5);
  });
});

describe("expiry (injected clock)", () => {
  it("accepts the access token until exp and refuses it from exp on", async () => {
    h = await startDrupal({ accessTtl: 10, refreshTtl: 30 });
    const { access_token } = await h.login();
    h.clock.advance(9);
    expect((await h.get("/jsonapi", access_token)).status).toBe(200);
    h.clock.advance(1);
    const expired = await h.get("/jsonapi", access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toBe(
      'Bearer realm="OAuth", error="access_denied", error_description="Access token could not be verified"',
    );
  });

  it("refreshes with an expired access token, and refuses the refresh token once past its own lifetime", async () => {
    h = await startDrupal({ accessTtl: 10, refreshTtl: 30 });
    const first = await h.login();
    h.clock.advance(20);
    const response = await h.refresh(first.refresh_token);
    expect(response.status).toBe(200);
    const second = (await response.json()) as { refresh_token: string; expires_in: number };
    expect(second.expires_in).toBe(10);
    h.clock.advance(30);
    expect((await h.refresh(second.refresh_token)).status).toBe(200);
  });

  it("refuses a refresh token one second after its lifetime with Token has expired", async () => {
    h = await startDrupal({ accessTtl: 10, refreshTtl: 30 });
    const { refresh_token } = await h.login();
    h.clock.advance(31);
    const response = await h.refresh(refresh_token);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant", hint: "Token has expired" });
  });
});
