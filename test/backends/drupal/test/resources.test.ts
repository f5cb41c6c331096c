import { SignJWT, generateKeyPair } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { ALICE, JSON_API, startDrupal, type Harness } from "./harness.js";

const DEMO_UUID = "5d3b6a1e-2f4c-4b8e-9a71-0c2d4e6f8a10";
const ALICE_UUID = "9b0e7c42-61d5-4f3a-8c2e-7a4b1d9e3f25";
const DRAFT_UUID = "3b2c4d5e-6f70-4b81-9c0d-1e2f3a4b5c6d";
const DENIED = "The resource owner or authorization server denied the request.";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const challenge = (hint: string) =>
  `Bearer realm="OAuth", error="access_denied", error_description="${hint}"`;

/** Bad bearer tokens and the hint simple_oauth gives for each. */
const badTokens: { name: string; token: (h: Harness) => Promise<string>; hint: string }[] = [
  { name: "a token without two dots", token: async () => "not-a-jwt", hint: "The JWT string must have two dots" },
  { name: "a token with invalid base64", token: async () => "a$b.c.d", hint: "Error while decoding from Base64Url, invalid base64 characters detected" },
  { name: "a token whose parts are not JSON", token: async () => "abc.def.ghi", hint: "Error while decoding from JSON" },
  {
    name: "a token signed with another key",
    token: async (h) => {
      const { privateKey } = await generateKeyPair("RS256");
      const now = Math.floor(h.clock.now() / 1000);
      return new SignJWT({ aud: "next-app", jti: "x", iat: now, nbf: now, exp: now + 60, sub: "2", scope: [] })
        .setProtectedHeader({ alg: "RS256", typ: "JWT" })
        .sign(privateKey);
    },
    hint: "Access token could not be verified",
  },
  {
    name: "an expired token",
    token: async (h) => {
      const { access_token } = await h.login();
      h.clock.advance(31);
      return access_token;
    },
    hint: "Access token could not be verified",
  },
  {
    name: "a token revoked by a refresh",
    token: async (h) => {
      const { access_token, refresh_token } = await h.login();
      await h.refresh(refresh_token);
      return access_token;
    },
    hint: "Access token has been revoked",
  },
  {
    name: "a token issued before a reset",
    token: async (h) => {
      const { access_token } = await h.login();
      h.drupal.reset();
      return access_token;
    },
    hint: "Access token has been revoked",
  },
];

const protectedPaths = ["/jsonapi", "/jsonapi/node/article", `/jsonapi/user/user/${DEMO_UUID}`, "/oauth/userinfo"];

describe("resource authentication", () => {
  it.each(badTokens)("refuses $name with 401 and the access_denied challenge on every route", async ({ token, hint }) => {
    h = await startDrupal({ accessTtl: 30 });
    const jwt = await token(h);
    for (const path of protectedPaths) {
      const response = await h.get(path, jwt);
      expect(response.status, path).toBe(401);
      expect(response.headers.get("www-authenticate"), path).toBe(challenge(hint));
    }
    expect((await h.stats()).rejectedResourceCalls).toBe(protectedPaths.length);
  });

  it("answers a JSON:API request with a bad token with a JSON:API error document whose status is a string", async () => {
    h = await startDrupal();
    const response = await h.get("/jsonapi/node/article", "abc.def.ghi");
    expect(response.headers.get("content-type")).toBe(JSON_API);
    const document = (await response.json()) as { jsonapi: { version: string }; errors: Record<string, unknown>[] };
    expect(document.jsonapi.version).toBe("1.0");
    expect(document.errors).toHaveLength(1);
    expect(document.errors[0]).toMatchObject({ title: "Unauthorized", status: "401", detail: DENIED });
    expect(document.errors[0]!.links).toMatchObject({ via: { href: `${h.base}/jsonapi/node/article` } });
  });

  it.each(["application/json", "*/*", undefined])(
    "answers a JSON:API request accepting %s with plain JSON {message} instead",
    async (accept) => {
      h = await startDrupal();
      const response = await fetch(`${h.base}/jsonapi/node/article`, {
        headers: { Authorization: "Bearer abc.def.ghi", ...(accept ? { Accept: accept } : {}) },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(response.headers.get("www-authenticate")).toBe(challenge("Error while decoding from JSON"));
      expect(await response.json()).toStrictEqual({ message: DENIED });
    },
  );

  it("treats a request without a Bearer token as anonymous, not as a failure", async () => {
    h = await startDrupal();
    const response = await h.get("/jsonapi");
    expect(response.status).toBe(200);
    const document = (await response.json()) as Record<string, unknown>;
    expect(document.meta).toBeUndefined();
    expect((await h.stats()).rejectedResourceCalls).toBe(0);
  });
});

describe("JSON:API", () => {
  it("names the signed-in user under meta.links.me on the entry point", async () => {
    h = await startDrupal();
    const { access_token } = await h.login();
    const response = await h.get("/jsonapi", access_token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(JSON_API);
    const document = (await response.json()) as { meta: { links: { me: { href: string; meta: { id: string } } } } };
    expect(document.meta.links.me).toEqual({
      meta: { id: DEMO_UUID },
      href: `${h.base}/jsonapi/user/user/${DEMO_UUID}`,
    });
  });

  it("serves the user's own account with name, display name, uid and e-mail", async () => {
    h = await startDrupal();
    const { access_token } = await h.login();
    const response = await h.get(`/jsonapi/user/user/${DEMO_UUID}`, access_token);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { type: string; id: string; attributes: Record<string, unknown> } };
    expect(data.type).toBe("user--user");
    expect(data.id).toBe(DEMO_UUID);
    expect(data.attributes).toMatchObject({
      name: "demo",
      display_name: "Demo User",
      mail: "demo@example.com",
      drupal_internal__uid: 2,
    });
  });

  it("refuses another user's account with a 403 JSON:API error", async () => {
    h = await startDrupal();
    const { access_token } = await h.login();
    const response = await h.get(`/jsonapi/user/user/${ALICE_UUID}`, access_token);
    expect(response.status).toBe(403);
    const { errors } = (await response.json()) as { errors: Record<string, unknown>[] };
    expect(errors[0]).toMatchObject({
      title: "Forbidden",
      status: "403",
      detail: "The current user is not allowed to GET the selected resource.",
      source: { pointer: "/data" },
    });
  });

  it("answers an unknown uuid with 404", async () => {
    h = await startDrupal();
    const { access_token } = await h.login();
    const response = await h.get("/jsonapi/node/article/00000000-0000-4000-8000-000000000000", access_token);
    expect(response.status).toBe(404);
    const { errors } = (await response.json()) as { errors: Record<string, unknown>[] };
    expect(errors[0]).toMatchObject({ title: "Not Found", status: "404" });
  });

  it("lists the articles demo may read and leaves alice's draft out, under meta.omitted", async () => {
    h = await startDrupal();
    const { access_token } = await h.login();
    const response = await h.get("/jsonapi/node/article", access_token);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      data: { type: string; id: string; attributes: { title: string; status: boolean } }[];
      meta: { omitted: { detail: string; links: Record<string, { href: string; meta?: { rel: string; detail: string } }> } };
    };
    expect(document.data.length).toBeGreaterThanOrEqual(2);
    expect(document.data.every((article) => article.type === "node--article" && article.attributes.status)).toBe(true);
    expect(document.data.map((article) => article.id)).not.toContain(DRAFT_UUID);

    const { omitted } = document.meta;
    expect(omitted.detail).toBe("Some resources have been omitted because of insufficient authorization.");
    expect(omitted.links.help!.href).toMatch(/^https:\/\/www\.drupal\.org\//);
    const items = Object.entries(omitted.links).filter(([key]) => key.startsWith("item--"));
    expect(items).toHaveLength(1);
    expect(items[0]![1]).toEqual({
      href: `${h.base}/jsonapi/node/article/${DRAFT_UUID}`,
      meta: { rel: "item", detail: "The current user is not allowed to GET the selected resource." },
    });
  });

  it("shows alice her own draft, with nothing omitted", async () => {
    h = await startDrupal();
    const { access_token } = await h.login(ALICE);
    const document = (await (await h.get("/jsonapi/node/article", access_token)).json()) as {
      data: { id: string }[];
      meta?: unknown;
    };
    expect(document.data.map((article) => article.id)).toContain(DRAFT_UUID);
    expect(document.meta).toBeUndefined();
  });

  it("refuses the draft itself to demo with 403", async () => {
    h = await startDrupal();
    const { access_token } = await h.login();
    const response = await h.get(`/jsonapi/node/article/${DRAFT_UUID}`, access_token);
    expect(response.status).toBe(403);
    const { errors } = (await response.json()) as { errors: { status: string }[] };
    expect(errors[0]!.status).toBe("403");
  });

  it("is read-only: a POST is refused with 405", async () => {
    h = await startDrupal();
    const { access_token } = await h.login();
    const response = await fetch(`${h.base}/jsonapi/node/article`, {
      method: "POST",
      headers: { Accept: JSON_API, "Content-Type": JSON_API, Authorization: `Bearer ${access_token}` },
      body: JSON.stringify({ data: { type: "node--article", attributes: { title: "x" } } }),
    });
    expect(response.status).toBe(405);
    const { errors } = (await response.json()) as { errors: { status: string; detail: string }[] };
    expect(errors[0]).toMatchObject({ status: "405" });
    expect(errors[0]!.detail).toMatch(/only read operations/);
  });
});

describe("userinfo", () => {
  it.each([
    {
      user: undefined,
      sub: "2",
      preferred_username: "demo",
      email: "demo@example.com",
      name: "Demo User",
      roles: ["authenticated", "admin"],
    },
    {
      user: ALICE,
      sub: "3",
      preferred_username: "alice",
      email: "alice@example.com",
      name: "Alice Example",
      roles: ["authenticated"],
    },
  ])("answers $preferred_username's OpenID claims, with the roles claim the site adds", async ({ user, ...claims }) => {
    h = await startDrupal();
    const { access_token } = await h.login(user);
    const response = await h.get("/oauth/userinfo", access_token, "application/json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ...claims, email_verified: true });
    expect(typeof body.updated_at).toBe("number");
  });

  it("refuses an anonymous request with 403", async () => {
    h = await startDrupal();
    const response = await h.get("/oauth/userinfo", undefined, "application/json");
    expect(response.status).toBe(403);
    expect(await response.json()).toStrictEqual({ message: "This route can only be accessed by authenticated users." });
  });
});
