// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { createBackendAdapter } from "./adapter";
import { backendEnvSchema, toBackendConfig } from "@/lib/backend/config";
import { BackendError, isBackendError, type BackendErrorCode } from "./errors";

/**
 * What the adapter puts on the wire and how it reads Drupal's answers, with a
 * recording fake `fetch`: the shapes other simple_oauth and league versions
 * send, which the 6.x mock does not.
 */

interface Recorded {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

function fakeDrupal(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  const calls: Recorded[] = [];
  const fetchFake: typeof fetch = async (input, init) => {
    calls.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : "",
    });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });
  };
  const config = toBackendConfig(
    { backendUrl: "https://cms.example.com/", timeoutMs: 1000 },
    backendEnvSchema.parse({ DRUPAL_SCOPE: "authenticated content_editor", ...env }),
  );
  return { adapter: createBackendAdapter(config, { fetch: fetchFake }), calls };
}

async function codeOf(promise: Promise<unknown>): Promise<BackendErrorCode | "resolved"> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    if (isBackendError(error)) return error.code;
    throw error;
  }
}

/** Read the user through JSON:API: `GET /jsonapi` is the first resource call of `me`. */
const JSON_API_USERS = { DRUPAL_USER_SOURCE: "jsonapi" };

const TOKENS = {
  token_type: "Bearer",
  expires_in: 300,
  access_token: "a.b.c",
  refresh_token: "opaque",
};

describe("Drupal adapter on the wire", () => {
  it("posts the password grant form-encoded with client id, secret and scope in the body, never HTTP Basic", async () => {
    const { adapter, calls } = fakeDrupal(200, TOKENS);
    await adapter.login({ username: "demo", password: "p&ss=word" });
    const [call] = calls;
    expect(call?.url).toBe("https://cms.example.com/oauth/token");
    expect(call?.method).toBe("POST");
    expect(call?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(call?.headers.get("authorization")).toBeNull();
    expect(Object.fromEntries(new URLSearchParams(call?.body))).toEqual({
      grant_type: "password",
      username: "demo",
      password: "p&ss=word",
      client_id: "next-app",
      client_secret: "next-app-secret",
      scope: "authenticated content_editor",
    });
  });

  it("posts the refresh grant with the client credentials and without a scope, so Drupal keeps the granted ones", async () => {
    const { adapter, calls } = fakeDrupal(200, TOKENS);
    await adapter.refresh("opaque-old");
    expect(Object.fromEntries(new URLSearchParams(calls[0]?.body))).toEqual({
      grant_type: "refresh_token",
      refresh_token: "opaque-old",
      client_id: "next-app",
      client_secret: "next-app-secret",
    });
  });

  it("never sends an empty refresh token", async () => {
    const { adapter, calls } = fakeDrupal(200, TOKENS);
    expect(await codeOf(adapter.refresh(""))).toBe("refresh_rejected");
    expect(calls).toHaveLength(0);
  });

  it("sends the JSON:API Accept header to JSON:API paths", async () => {
    const { adapter, calls } = fakeDrupal(200, {}, {}, JSON_API_USERS);
    await adapter.me("token").catch(() => undefined);
    expect(calls[0]?.url).toBe("https://cms.example.com/jsonapi");
    expect(calls[0]?.headers.get("accept")).toBe("application/vnd.api+json");
    expect(calls[0]?.headers.get("authorization")).toBe("Bearer token");
  });

  const TOKEN_ERRORS: {
    name: string;
    grant: "login" | "refresh";
    status: number;
    body: unknown;
    code: BackendErrorCode;
  }[] = [
    {
      name: "6.x wrong credentials on login",
      grant: "login",
      status: 400,
      body: { error: "invalid_grant", error_description: "The user credentials were incorrect." },
      code: "invalid_credentials",
    },
    {
      name: "5.x (league 8) 401 invalid_credentials on login",
      grant: "login",
      status: 401,
      body: {
        error: "invalid_credentials",
        error_description: "The user credentials were incorrect.",
        message: "The user credentials were incorrect.",
      },
      code: "invalid_credentials",
    },
    {
      name: "league 8.x's extra message field",
      grant: "login",
      status: 400,
      body: {
        error: "invalid_grant",
        error_description: "The user credentials were incorrect.",
        message: "The user credentials were incorrect.",
      },
      code: "invalid_credentials",
    },
    ...["Cannot decrypt the refresh token", "Token has expired", "Token has been revoked"].map(
      (hint) => ({
        name: `invalid_grant on refresh with hint "${hint}"`,
        grant: "refresh" as const,
        status: 400,
        body: { error: "invalid_grant", error_description: "The refresh token is invalid.", hint },
        code: "refresh_rejected" as const,
      }),
    ),
    {
      name: "league 7's 401 invalid_request (message only) for a dead refresh token",
      grant: "refresh",
      status: 401,
      body: {
        error: "invalid_request",
        message: "The refresh token is invalid.",
        hint: "Token has been revoked",
      },
      code: "refresh_rejected",
    },
    {
      name: "league 8's 401 invalid_request (with error_description) for a dead refresh token",
      grant: "refresh",
      status: 401,
      body: {
        error: "invalid_request",
        error_description: "The refresh token is invalid.",
        message: "The refresh token is invalid.",
        hint: "Cannot decrypt the refresh token",
      },
      code: "refresh_rejected",
    },
    {
      name: "401 invalid_client",
      grant: "login",
      status: 401,
      body: { error: "invalid_client", error_description: "Client authentication failed" },
      code: "misconfigured",
    },
    {
      name: "400 unsupported_grant_type",
      grant: "login",
      status: 400,
      body: {
        error: "unsupported_grant_type",
        error_description:
          "The authorization grant type is not supported by the authorization server.",
      },
      code: "misconfigured",
    },
    {
      name: "400 invalid_request on login",
      grant: "login",
      status: 400,
      body: {
        error: "invalid_request",
        error_description: "The request is missing a required parameter.",
        hint: "Check the `client_id` parameter",
      },
      code: "misconfigured",
    },
    {
      name: "403 flood_user_blocked",
      grant: "login",
      status: 403,
      body: { error: "flood_user_blocked", error_description: "blocked" },
      code: "throttled",
    },
    {
      name: "403 flood_ip_blocked",
      grant: "login",
      status: 403,
      body: { error: "flood_ip_blocked", error_description: "blocked" },
      code: "throttled",
    },
    {
      name: "a 404 HTML page (no simple_oauth)",
      grant: "login",
      status: 404,
      body: "<html>Not found</html>",
      code: "misconfigured",
    },
    {
      name: "an unknown 400 body",
      grant: "login",
      status: 400,
      body: { nope: true },
      code: "bad_response",
    },
    {
      name: "a 200 that is not a token response",
      grant: "login",
      status: 200,
      body: { access_token: "x" },
      code: "bad_response",
    },
    {
      name: "a token response without a refresh token (grant not enabled)",
      grant: "login",
      status: 200,
      body: { token_type: "Bearer", expires_in: 300, access_token: "a.b.c" },
      code: "misconfigured",
    },
    { name: "a 503", grant: "refresh", status: 503, body: "down", code: "unavailable" },
  ];

  it.each(TOKEN_ERRORS.map((row) => [row.name, row.code, row] as const))(
    "maps %s to %s",
    async (_, __, { grant, status, body, code }) => {
      const { adapter } = fakeDrupal(status, body);
      const call =
        grant === "login" ? adapter.login({ username: "u", password: "p" }) : adapter.refresh("r");
      expect(await codeOf(call)).toBe(code);
    },
  );

  const RESOURCE_ERRORS: {
    name: string;
    status: number;
    body: unknown;
    headers?: Record<string, string>;
    code: BackendErrorCode;
    message: RegExp;
  }[] = [
    {
      name: "a 401 with simple_oauth's access_denied challenge",
      status: 401,
      body: "",
      headers: {
        "WWW-Authenticate":
          'Bearer realm="OAuth", error="access_denied", error_description="Access token has been revoked"',
      },
      code: "unauthorized",
      message: /access_denied: Access token has been revoked/,
    },
    {
      name: "a 401 JSON:API error document with a string status",
      status: 401,
      body: {
        jsonapi: { version: "1.0" },
        errors: [{ title: "Unauthorized", status: "401", detail: "Token is gone" }],
      },
      code: "unauthorized",
      message: /Token is gone/,
    },
    {
      name: "a 403 JSON:API error document",
      status: 403,
      body: {
        errors: [
          {
            title: "Forbidden",
            status: "403",
            detail: "The current user is not allowed to GET the selected resource.",
          },
        ],
      },
      code: "misconfigured",
      message: /not allowed/,
    },
    {
      name: "a 404 (JSON:API not enabled)",
      status: 404,
      body: "",
      code: "misconfigured",
      message: /404/,
    },
    {
      name: "a 200 that is not a JSON:API entry document",
      status: 200,
      body: { meta: "none" },
      code: "bad_response",
      message: /unexpected shape/,
    },
  ];

  it.each(RESOURCE_ERRORS.map((row) => [row.name, row.code, row] as const))(
    "maps %s on a resource call to %s",
    async (_, __, { status, body, headers, code, message }) => {
      const { adapter } = fakeDrupal(status, body, headers, JSON_API_USERS);
      const failure = await adapter.me("token").catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BackendError);
      expect(failure).toMatchObject({ code });
      expect((failure as BackendError).message).toMatch(message);
    },
  );

  it("takes the user's uuid from meta.links.me.href when meta.id is missing", async () => {
    const calls: string[] = [];
    const fetchFake: typeof fetch = async (input) => {
      calls.push(String(input));
      const body = String(input).endsWith("/jsonapi")
        ? {
            meta: {
              links: { me: { href: "https://public.example.com/jsonapi/user/user/abc-123" } },
            },
          }
        : { data: { id: "abc-123", attributes: { display_name: "Ann", drupal_internal__uid: 7 } } };
      return Response.json(body);
    };
    const config = toBackendConfig(
      { backendUrl: "http://drupal.internal", timeoutMs: 1000 },
      backendEnvSchema.parse({ DRUPAL_USER_SOURCE: "jsonapi" }),
    );
    const user = await createBackendAdapter(config, { fetch: fetchFake }).me("token");
    expect(user).toEqual({ id: "7", name: "Ann", email: undefined, roles: [] });
    expect(calls).toEqual([
      "http://drupal.internal/jsonapi",
      "http://drupal.internal/jsonapi/user/user/abc-123",
    ]);
  });

  it("treats a JSON:API index without a me link (an anonymous request) as unauthorized", async () => {
    const fetchFake: typeof fetch = async () => Response.json({ data: [], meta: {} });
    const config = toBackendConfig(
      { backendUrl: "http://drupal.internal", timeoutMs: 1000 },
      backendEnvSchema.parse({ DRUPAL_USER_SOURCE: "jsonapi" }),
    );
    expect(await codeOf(createBackendAdapter(config, { fetch: fetchFake }).me("token"))).toBe(
      "unauthorized",
    );
  });
});
