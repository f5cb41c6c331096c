import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALICE, DEMO, claims, client, header, startBackend, type Backend } from "./helpers";

let backend: Backend;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  backend = await startBackend({ ACCESS_TTL: "45", REFRESH_TTL: "900" });
  api = client(backend.url);
});
afterAll(() => backend.stop());
beforeEach(async () => {
  await api.reset();
});

describe("POST /auth/login", () => {
  it.each([
    ["demo", DEMO, 1],
    ["alice", ALICE, 2],
  ])("signs %s in with 200 and a pair of HS256 JWTs for their user id", async (_, user, sub) => {
    const answer = await api.login(user);
    expect(answer.status).toBe(200);
    const body = answer.body as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(["access_token", "refresh_token"]);
    for (const token of [body.access_token!, body.refresh_token!]) {
      expect(header(token)).toMatchObject({ alg: "HS256", typ: "JWT" });
      expect(claims(token)).toMatchObject({ sub, username: user.username });
    }
    expect(claims(body.access_token!).sid).toBe(claims(body.refresh_token!).sid);
  });

  it("gives the tokens the lifetimes ACCESS_TTL and REFRESH_TTL in seconds", async () => {
    const pair = await api.signIn();
    const access = claims(pair.access_token) as { iat: number; exp: number };
    const refresh = claims(pair.refresh_token) as { iat: number; exp: number };
    expect(access.exp - access.iat).toBe(45);
    expect(refresh.exp - refresh.iat).toBe(900);
  });

  it("signs the two tokens with different secrets, so neither works in the other's place", async () => {
    const pair = await api.signIn();
    expect((await api.profile(pair.access_token)).status).toBe(200);
    expect((await api.profile(pair.refresh_token)).status).toBe(401);
    expect((await api.refresh(pair.access_token)).status).toBe(403);
    expect((await api.refresh(pair.refresh_token)).status).toBe(200);
  });

  it("starts a new session per sign-in, so the same user can be signed in twice", async () => {
    const first = await api.signIn();
    const second = await api.signIn();
    expect(claims(first.access_token).sid).not.toBe(claims(second.access_token).sid);
    expect((await api.refresh(first.refresh_token)).status).toBe(200);
    expect((await api.refresh(second.refresh_token)).status).toBe(200);
    expect((await api.profile(first.access_token)).status).toBe(200);
  });

  it.each([
    ["a wrong password", { username: "demo", password: "alice-password" }],
    ["an unknown user", { username: "nobody", password: "demo-password" }],
    ["another user's password", { username: "alice", password: "demo-password" }],
    ["a differently cased username", { username: "Demo", password: "demo-password" }],
  ])("refuses %s with 401 Invalid credentials and counts a failed login", async (_, body) => {
    const answer = await api.login(body);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      message: "Invalid credentials",
      error: "Unauthorized",
      statusCode: 401,
    });
    expect(answer.headers.get("www-authenticate")).toBeNull();
    expect(await api.stats()).toMatchObject({ logins: 0, failedLogins: 1 });
  });

  it.each([
    ["an empty body", {}, "username should not be empty"],
    ["a missing password", { username: "demo" }, "password should not be empty"],
    ["a missing username", { password: "demo-password" }, "username must be a string"],
    ["an empty username", { username: "", password: "demo-password" }, "username should not be empty"],
    ["a blank username", { username: "   ", password: "demo-password" }, "username must not be blank"],
    ["a blank password", { username: "demo", password: " \t" }, "password must not be blank"],
    ["a number as password", { username: "demo", password: 12345 }, "password must be a string"],
    [
      "a field the DTO does not know",
      { username: "demo", password: "demo-password", admin: true },
      "property admin should not exist",
    ],
  ])(
    "refuses %s with ValidationPipe's 400 and a list of messages",
    async (_, body, expected) => {
      const answer = await api.login(body);
      expect(answer.status).toBe(400);
      const error = answer.body as { message: unknown; error: unknown; statusCode: unknown };
      expect(error.statusCode).toBe(400);
      expect(error.error).toBe("Bad Request");
      expect(Array.isArray(error.message)).toBe(true);
      for (const line of error.message as unknown[]) expect(typeof line).toBe("string");
      expect(error.message).toContain(expected);
      // Never reached the service: not a login attempt with credentials.
      expect(await api.stats()).toMatchObject({ logins: 0, failedLogins: 0 });
    },
  );

  it("answers a body that is not JSON with 400, not 500", async () => {
    const response = await fetch(`${backend.url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });
});
