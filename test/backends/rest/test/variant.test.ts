import { describe, expect, it } from "vitest";
import { ACCESS_TTL, startBackend, VARIANT } from "./helpers.js";

describe("the variant flavor's shapes", () => {
  it("answers a login like OAuth: access_token, refresh_token, expires_in = ACCESS_TTL, token_type", async () => {
    const backend = await startBackend(VARIANT);
    const body = (await (await backend.login()).json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: ACCESS_TTL,
      token_type: "Bearer",
    });
  });

  it("issues opaque access and refresh tokens: no JWT, nothing to decode", async () => {
    const backend = await startBackend(VARIANT);
    const { access, refresh } = await backend.signIn();
    for (const token of [access, refresh]) {
      expect(token.split(".")).toHaveLength(1);
      expect(token).not.toMatch(/^eyJ/);
      expect(token.length).toBeGreaterThanOrEqual(40);
    }
  });

  it("answers a refresh with the same OAuth-like shape", async () => {
    const backend = await startBackend(VARIANT);
    const { refresh } = await backend.signIn();
    const body = await (await backend.refresh(refresh)).json();
    expect(body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: ACCESS_TTL,
      token_type: "Bearer",
    });
  });

  it("answers whoami with user_id, display_name and mail only", async () => {
    const backend = await startBackend(VARIANT);
    const { access } = await backend.signIn();
    const body = await (await backend.get("/identity/whoami", access)).json();
    expect(body).toEqual({ user_id: "usr_1", display_name: "Demo User", mail: "demo@example.com" });
  });

  it("serves the demo resource at /v1/things in an {items} envelope", async () => {
    const backend = await startBackend(VARIANT);
    const { access } = await backend.signIn();
    const body = (await (await backend.get("/v1/things", access)).json()) as { items: unknown[] };
    expect(body.items.length).toBeGreaterThanOrEqual(2);
    expect(body.items[0]).toEqual({ id: expect.any(String), title: expect.any(String) });
  });

  it("logs out with 204 and no body", async () => {
    const backend = await startBackend(VARIANT);
    const { access } = await backend.signIn();
    const response = await backend.post("/identity/logout", undefined, access);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  it("ignores DummyJSON's expiresInMins", async () => {
    const backend = await startBackend(VARIANT);
    const response = await backend.post("/identity/token", {
      login: "demo",
      secret: "demo-password",
      expiresInMins: 1,
    });
    expect(((await response.json()) as { expires_in: number }).expires_in).toBe(ACCESS_TTL);
  });

  it("does not take the refresh token under DummyJSON's field name", async () => {
    const backend = await startBackend(VARIANT);
    const { refresh } = await backend.signIn();
    const response = await backend.post("/identity/token/refresh", { refreshToken: refresh });
    expect(response.status).toBe(400);
  });

  it.each(["/auth/login", "/auth/me", "/api/items"])(
    "does not serve DummyJSON's %s",
    async (path) => {
      const backend = await startBackend(VARIANT);
      expect((await backend.get(path)).status).toBe(404);
    },
  );
});
