import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { ACCESS_TTL, DUMMYJSON, REFRESH_TTL, startBackend } from "./helpers.js";

describe("the dummyjson flavor's shapes", () => {
  it("answers a login with the user fields and the pair, and no expiry field", async () => {
    const backend = await startBackend(DUMMYJSON);
    const body = (await (await backend.login()).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      [
        "accessToken",
        "email",
        "firstName",
        "gender",
        "id",
        "image",
        "lastName",
        "refreshToken",
        "username",
      ].sort(),
    );
    expect(body).toMatchObject({
      id: 1,
      username: "demo",
      email: "demo@example.com",
      firstName: "Demo",
      lastName: "User",
    });
  });

  it("issues HS256 JWTs whose exp is iat + ACCESS_TTL (access) and iat + REFRESH_TTL (refresh)", async () => {
    const backend = await startBackend(DUMMYJSON);
    const { access, refresh } = await backend.signIn();
    expect(decodeProtectedHeader(access)).toMatchObject({ alg: "HS256", typ: "JWT" });
    const accessClaims = decodeJwt(access);
    const refreshClaims = decodeJwt(refresh);
    expect(accessClaims.exp! - accessClaims.iat!).toBe(ACCESS_TTL);
    expect(refreshClaims.exp! - refreshClaims.iat!).toBe(REFRESH_TTL);
    expect(accessClaims.iat).toBe(Date.UTC(2030, 0, 1, 12, 0, 0) / 1000);
    expect(accessClaims).toMatchObject({ id: 1, username: "demo", sub: "1" });
  });

  it("answers a refresh with only the new pair", async () => {
    const backend = await startBackend(DUMMYJSON);
    const { refresh } = await backend.signIn();
    const body = (await (await backend.refresh(refresh)).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["accessToken", "refreshToken"]);
  });

  it("answers me with the user (id, username, email, names, gender, image)", async () => {
    const backend = await startBackend(DUMMYJSON);
    const { access } = await backend.signIn();
    const body = await (await backend.get("/auth/me", access)).json();
    expect(body).toEqual({
      id: 1,
      username: "demo",
      email: "demo@example.com",
      firstName: "Demo",
      lastName: "User",
      gender: expect.any(String),
      image: expect.any(String),
      role: "admin",
    });
  });

  it("serves the demo resource as a plain array", async () => {
    const backend = await startBackend(DUMMYJSON);
    const { access } = await backend.signIn();
    const body = await (await backend.get("/api/items", access)).json();
    expect(Array.isArray(body)).toBe(true);
  });

  it.each([
    {
      path: "/auth/login",
      body: { username: "demo", password: "demo-password", expiresInMins: 2 },
    },
  ])(
    "lets the login choose the access lifetime with expiresInMins, like DummyJSON",
    async ({ path, body }) => {
      const backend = await startBackend(DUMMYJSON);
      const answer = (await (await backend.post(path, body)).json()) as {
        accessToken: string;
        refreshToken: string;
      };
      const claims = decodeJwt(answer.accessToken);
      expect(claims.exp! - claims.iat!).toBe(120);
      const refreshed = (await (
        await backend.post("/auth/refresh", { refreshToken: answer.refreshToken, expiresInMins: 1 })
      ).json()) as { accessToken: string };
      const refreshedClaims = decodeJwt(refreshed.accessToken);
      expect(refreshedClaims.exp! - refreshedClaims.iat!).toBe(60);
    },
  );

  it.each([0, -1, "5", null])("refuses expiresInMins %j with 400", async (expiresInMins) => {
    const backend = await startBackend(DUMMYJSON);
    const response = await backend.post("/auth/login", {
      username: "demo",
      password: "demo-password",
      expiresInMins,
    });
    expect(response.status).toBe(400);
  });

  it("logs out with 200 and a {message}", async () => {
    const backend = await startBackend(DUMMYJSON);
    const { access } = await backend.signIn();
    const response = await backend.post("/auth/logout", undefined, access);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: expect.any(String) });
  });

  it.each(["/identity/token", "/identity/whoami", "/v1/things"])(
    "does not serve the variant's %s",
    async (path) => {
      const backend = await startBackend(DUMMYJSON);
      expect((await backend.get(path)).status).toBe(404);
    },
  );
});
