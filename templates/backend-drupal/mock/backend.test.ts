import { decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockBackend, DEMO_CONSUMER, type DrupalMockBackend } from "./backend";
import { serveMock, type RunningMock } from "./kit/server";
import { MOCK_ITEMS, MOCK_USERS } from "./kit/users";

const ACCESS_TTL = 300;
const REFRESH_TTL = 1_209_600;
const JSON_API = "application/vnd.api+json";
const [demo, alice] = MOCK_USERS as [(typeof MOCK_USERS)[number], (typeof MOCK_USERS)[number]];

let clock = Date.parse("2026-01-01T00:00:00Z");
let backend: DrupalMockBackend;
let mock: RunningMock;

beforeAll(async () => {
  backend = await createMockBackend({
    accessTtlSeconds: ACCESS_TTL,
    refreshTtlSeconds: REFRESH_TTL,
    now: () => clock,
    flood: { ipLimit: 10 },
  });
  mock = await serveMock(backend, 0);
});
afterAll(() => mock.close());
afterEach(async () => {
  clock = Date.parse("2026-01-01T00:00:00Z");
  await fetch(`${mock.url}/__mock/reset`, { method: "POST" });
});

const client = { client_id: DEMO_CONSUMER.clientId, client_secret: DEMO_CONSUMER.secret };
const passwordForm = (username: string, password: string) =>
  new URLSearchParams({ grant_type: "password", ...client, username, password });
const refreshForm = (refresh_token: string) =>
  new URLSearchParams({ grant_type: "refresh_token", ...client, refresh_token });

async function postToken(form: URLSearchParams, headers: Record<string, string> = {}) {
  const response = await fetch(`${mock.url}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: form.toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function signIn(username = demo.username, password = demo.password) {
  const { body } = await postToken(passwordForm(username, password));
  return { accessToken: String(body.access_token), refreshToken: String(body.refresh_token) };
}

/** The parts of Drupal's documents these tests read. */
interface Resource {
  id: string;
  attributes: Record<string, unknown>;
}
interface Document {
  data: Resource | Resource[];
  meta?: {
    links?: { me?: unknown };
    omitted?: { links: Record<string, { href: string }> };
  };
}

async function get<Body = Document>(path: string, token?: string, accept = JSON_API) {
  const response = await fetch(`${mock.url}${path}`, {
    headers: {
      Accept: accept,
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Body,
  };
}

const single = (document: Document): Resource => document.data as Resource;
const list = (document: Document): Resource[] => document.data as Resource[];

const INVALID_REQUEST =
  "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.";

/** The error table of backends.md, row by row, with the exact bodies league/oauth2-server 9.x sends. */
const TOKEN_ERROR_ROWS: {
  name: string;
  request: () => Promise<{ form: URLSearchParams; headers?: Record<string, string> }>;
  status: number;
  body: Record<string, string>;
}[] = [
  {
    name: "a wrong password is 400 invalid_grant with league's credentials message",
    request: async () => ({ form: passwordForm(demo.username, "wrong") }),
    status: 400,
    body: { error: "invalid_grant", error_description: "The user credentials were incorrect." },
  },
  {
    name: "an unknown user gets exactly the same answer as a wrong password",
    request: async () => ({ form: passwordForm("nobody", "whatever") }),
    status: 400,
    body: { error: "invalid_grant", error_description: "The user credentials were incorrect." },
  },
  {
    name: "an unknown client is 401 invalid_client",
    request: async () => ({
      form: new URLSearchParams({
        ...Object.fromEntries(passwordForm(demo.username, demo.password)),
        client_id: "other",
      }),
    }),
    status: 401,
    body: { error: "invalid_client", error_description: "Client authentication failed" },
  },
  {
    name: "a bad client secret is 401 invalid_client",
    request: async () => ({
      form: new URLSearchParams({
        ...Object.fromEntries(passwordForm(demo.username, demo.password)),
        client_secret: "nope",
      }),
    }),
    status: 401,
    body: { error: "invalid_client", error_description: "Client authentication failed" },
  },
  {
    name: "a client id sent only with HTTP Basic is 400 invalid_request naming client_id",
    request: async () => ({
      form: new URLSearchParams({
        grant_type: "password",
        username: demo.username,
        password: demo.password,
      }),
      headers: {
        Authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString("base64")}`,
      },
    }),
    status: 400,
    body: {
      error: "invalid_request",
      error_description: INVALID_REQUEST,
      hint: "Check the `client_id` parameter",
    },
  },
  {
    name: "a garbled refresh token cannot be decrypted",
    request: async () => ({ form: refreshForm("not-a-token") }),
    status: 400,
    body: {
      error: "invalid_grant",
      error_description: "The refresh token is invalid.",
      hint: "Cannot decrypt the refresh token",
    },
  },
  {
    name: "an expired refresh token has expired",
    request: async () => {
      const { refreshToken } = await signIn();
      clock += REFRESH_TTL * 1000 + 1;
      return { form: refreshForm(refreshToken) };
    },
    status: 400,
    body: {
      error: "invalid_grant",
      error_description: "The refresh token is invalid.",
      hint: "Token has expired",
    },
  },
  {
    name: "a rotated-out refresh token has been revoked",
    request: async () => {
      const { refreshToken } = await signIn();
      await postToken(refreshForm(refreshToken));
      return { form: refreshForm(refreshToken) };
    },
    status: 400,
    body: {
      error: "invalid_grant",
      error_description: "The refresh token is invalid.",
      hint: "Token has been revoked",
    },
  },
  {
    name: "a grant that is not enabled is unsupported_grant_type",
    request: async () => ({
      form: new URLSearchParams({ grant_type: "client_credentials", ...client }),
    }),
    status: 400,
    body: {
      error: "unsupported_grant_type",
      error_description:
        "The authorization grant type is not supported by the authorization server.",
      hint: "Check that all required parameters have been provided",
    },
  },
  {
    name: "a sixth attempt after five failed logins for one account is 403 flood_user_blocked",
    request: async () => {
      for (let i = 0; i < 5; i += 1) await postToken(passwordForm(alice.email, "wrong"));
      return { form: passwordForm(alice.username, alice.password) };
    },
    status: 403,
    body: {
      error: "flood_user_blocked",
      error_description:
        "There have been more than 5 failed login attempts for this account. It is temporarily blocked. Try again later or request a new password.",
    },
  },
  {
    name: "too many failed logins from one IP address is 403 flood_ip_blocked",
    request: async () => {
      for (let i = 0; i < 10; i += 1) await postToken(passwordForm(`nobody-${i}`, "wrong"));
      return { form: passwordForm(demo.username, demo.password) };
    },
    status: 403,
    body: {
      error: "flood_ip_blocked",
      error_description:
        "Too many failed login attempts from your IP address. This IP address is temporarily blocked. Try again later or request a new password.",
    },
  },
];

describe("Drupal mock token endpoint", () => {
  it.each(TOKEN_ERROR_ROWS.map((row) => [row.name, row] as const))(
    "%s",
    async (_, { request, status, body }) => {
      const { form, headers } = await request();
      const response = await postToken(form, headers);
      expect(response.status).toBe(status);
      expect(response.body).toEqual(body);
    },
  );

  it("issues an RS256 JWT access token with simple_oauth's claims and an opaque refresh token, not cached", async () => {
    const response = await postToken(passwordForm(demo.username, demo.password));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(response.body).sort()).toEqual([
      "access_token",
      "expires_in",
      "refresh_token",
      "token_type",
    ]);
    expect(response.body).toMatchObject({ token_type: "Bearer", expires_in: ACCESS_TTL });

    const accessToken = String(response.body.access_token);
    expect(decodeProtectedHeader(accessToken).alg).toBe("RS256");
    const { payload } = await jwtVerify(accessToken, backend.publicKey, {
      currentDate: new Date(clock),
    });
    const iat = Math.floor(clock / 1000);
    expect(payload).toEqual({
      aud: DEMO_CONSUMER.clientId,
      jti: expect.any(String),
      iat,
      nbf: iat,
      exp: iat + ACCESS_TTL,
      sub: demo.id,
      scope: ["authenticated"],
    });
    expect(String(response.body.refresh_token).split(".")).toHaveLength(1);
  });

  it("accepts the e-mail address as the username", async () => {
    const response = await postToken(passwordForm(demo.email, demo.password));
    expect(response.status).toBe(200);
  });

  it("grants requested known scopes and refuses unknown ones with invalid_scope", async () => {
    const granted = await postToken(
      new URLSearchParams({
        ...Object.fromEntries(passwordForm(demo.username, demo.password)),
        scope: "content_editor",
      }),
    );
    const { payload } = await jwtVerify(String(granted.body.access_token), backend.publicKey, {
      currentDate: new Date(clock),
    });
    expect(payload.scope).toEqual(["content_editor"]);

    const refused = await postToken(
      new URLSearchParams({
        ...Object.fromEntries(passwordForm(demo.username, demo.password)),
        scope: "administer",
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: "invalid_scope",
      error_description: "The requested scope is invalid, unknown, or malformed",
      hint: "Check the `administer` scope",
    });
  });

  it("keeps the granted scopes across a refresh", async () => {
    const signedIn = await postToken(
      new URLSearchParams({
        ...Object.fromEntries(passwordForm(demo.username, demo.password)),
        scope: "content_editor",
      }),
    );
    const refreshed = await postToken(refreshForm(String(signedIn.body.refresh_token)));
    const { payload } = await jwtVerify(String(refreshed.body.access_token), backend.publicKey, {
      currentDate: new Date(clock),
    });
    expect(payload.scope).toEqual(["content_editor"]);
  });

  it("forgets earlier failures once the user signs in, as Drupal clears the user's flood", async () => {
    for (let i = 0; i < 4; i += 1) await postToken(passwordForm(alice.username, "wrong"));
    expect((await postToken(passwordForm(alice.username, alice.password))).status).toBe(200);
    for (let i = 0; i < 4; i += 1) await postToken(passwordForm(alice.username, "wrong"));
    expect((await postToken(passwordForm(alice.username, alice.password))).status).toBe(200);
  });

  it("lifts the flood block on POST /__mock/reset", async () => {
    for (let i = 0; i < 5; i += 1) await postToken(passwordForm(alice.username, "wrong"));
    expect((await postToken(passwordForm(alice.username, alice.password))).status).toBe(403);
    await fetch(`${mock.url}/__mock/reset`, { method: "POST" });
    expect((await postToken(passwordForm(alice.username, alice.password))).status).toBe(200);
  });

  it("lets only the first of two simultaneous refreshes with one token win", async () => {
    const { refreshToken } = await signIn();
    const results = await Promise.all([
      postToken(refreshForm(refreshToken)),
      postToken(refreshForm(refreshToken)),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 400]);
    expect(mock.store.stats.reusedRefreshes).toBe(1);
  });
});

const challenge = (hint: string) =>
  `Bearer realm="OAuth", error="access_denied", error_description="${hint}"`;
const errorDocument = (status: string, title: string, detail: string) => ({
  jsonapi: expect.objectContaining({ version: "1.0" }),
  errors: [expect.objectContaining({ title, status, detail })],
});

describe("Drupal mock resources", () => {
  const REFUSED_TOKEN_ROWS: { name: string; token: () => Promise<string>; hint: string }[] = [
    {
      name: "an access token revoked by rotation",
      token: async () => {
        const { accessToken, refreshToken } = await signIn();
        await postToken(refreshForm(refreshToken));
        return accessToken;
      },
      hint: "Access token has been revoked",
    },
    {
      name: "an expired access token",
      token: async () => {
        const { accessToken } = await signIn();
        clock += ACCESS_TTL * 1000;
        return accessToken;
      },
      hint: "Access token could not be verified",
    },
    {
      name: "a token that is not a JWT",
      token: async () => "garbage",
      hint: "The JWT string must have two dots",
    },
  ];

  it.each(REFUSED_TOKEN_ROWS.map((row) => [row.name, row] as const))(
    "answers %s with 401, an access_denied challenge and a JSON:API error document",
    async (_, { token, hint }) => {
      const response = await get("/jsonapi/node/article", await token());
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe(challenge(hint));
      expect(response.headers.get("content-type")).toBe(JSON_API);
      expect(response.body).toEqual(errorDocument("401", "Unauthorized", hint));
    },
  );

  it("renders the refusal as plain JSON when the client does not ask for JSON:API", async () => {
    const response = await get("/jsonapi/node/article", "garbage", "application/json");
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: "The JWT string must have two dots" });
  });

  it("links the signed-in user under meta.links.me at GET /jsonapi, and nobody for anonymous requests", async () => {
    const { accessToken } = await signIn();
    const signedIn = await get("/jsonapi", accessToken);
    expect(signedIn.body.meta?.links?.me).toEqual({
      meta: { id: demo.uuid },
      href: `${mock.url}/jsonapi/user/user/${demo.uuid}`,
    });
    const anonymous = await get("/jsonapi");
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.meta).toBeUndefined();
  });

  it("shows a user their own mail but not another user's", async () => {
    const { accessToken } = await signIn();
    const self = await get(`/jsonapi/user/user/${demo.uuid}`, accessToken);
    expect(single(self.body).attributes).toMatchObject({
      display_name: demo.name,
      name: demo.username,
      mail: demo.email,
      drupal_internal__uid: 1,
    });
    const other = await get(`/jsonapi/user/user/${alice.uuid}`, accessToken);
    expect(single(other.body).attributes.mail).toBeUndefined();
    expect(single(other.body).attributes.display_name).toBe(alice.name);
  });

  it("answers GET /oauth/userinfo with the OpenID claims of the token's user", async () => {
    const { accessToken } = await signIn(alice.email, alice.password);
    const response = await get<Record<string, unknown>>(
      "/oauth/userinfo",
      accessToken,
      "application/json",
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      sub: alice.id,
      preferred_username: alice.username,
      name: alice.name,
      email: alice.email,
    });
  });

  it("lists the published articles and puts the forbidden one under meta.omitted, refusing it with 403 on its own", async () => {
    const { accessToken } = await signIn();
    const collection = await get("/jsonapi/node/article", accessToken);
    expect(collection.status).toBe(200);
    expect(collection.headers.get("content-type")).toBe(JSON_API);
    expect(list(collection.body).map((article) => article.attributes.title)).toEqual(
      MOCK_ITEMS.map((item) => item.title),
    );
    const omitted = Object.entries(collection.body.meta?.omitted?.links ?? {}).filter(([key]) =>
      key.startsWith("item--"),
    );
    expect(omitted).toHaveLength(1);
    const forbiddenPath = new URL(omitted[0]![1].href).pathname;
    const forbidden = await get(forbiddenPath, accessToken);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual(
      errorDocument(
        "403",
        "Forbidden",
        "The current user is not allowed to GET the selected resource.",
      ),
    );
  });

  it("counts accepted and refused resource calls", async () => {
    const { accessToken } = await signIn();
    await get("/jsonapi/node/article", accessToken);
    await get("/jsonapi/node/article", "garbage");
    expect(mock.store.stats).toMatchObject({ resourceCalls: 1, rejectedResourceCalls: 1 });
  });
});
