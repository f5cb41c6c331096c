import { afterEach, describe, expect, it } from "vitest";
import { ALICE, CLIENT, DEMO, basic, startDrupal, type Harness } from "./harness.js";

/**
 * Every row of the error table in shared/reference/backends.md (Drupal), plus
 * league/oauth2-server's request-validation errors, against both major
 * versions. 5.x (league 8.x) adds `message`, a copy of error_description.
 */

interface Row {
  name: string;
  /** Builds the request; may sign in, refresh or move the clock first. */
  request(h: Harness): Promise<{ form: Record<string, string>; headers?: Record<string, string> }>;
  status: number;
  error: string;
  description: string;
  hint?: string;
  /** Where 5.x answers otherwise (its grant check runs before the client check). */
  in5x?: Pick<Row, "status" | "error" | "description" | "hint">;
}

const INVALID_REFRESH = "The refresh token is invalid.";
const INVALID_REQUEST =
  "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.";

const rows: Row[] = [
  {
    name: "a wrong password is refused with 400 invalid_grant",
    request: async () => ({ form: { grant_type: "password", ...CLIENT, username: "demo", password: "wrong" } }),
    status: 400,
    error: "invalid_grant",
    description: "The user credentials were incorrect.",
  },
  {
    name: "an unknown username reads exactly like a wrong password",
    request: async () => ({ form: { grant_type: "password", ...CLIENT, username: "nobody", password: "x" } }),
    status: 400,
    error: "invalid_grant",
    description: "The user credentials were incorrect.",
  },
  {
    name: "an unknown client is refused with 401 invalid_client",
    request: async () => ({
      form: { grant_type: "password", client_id: "nope", client_secret: "x", ...DEMO },
    }),
    status: 401,
    error: "invalid_client",
    description: "Client authentication failed",
  },
  {
    name: "a wrong client secret is refused with 401 invalid_client",
    request: async () => ({
      form: { grant_type: "password", client_id: "next-app", client_secret: "wrong", ...DEMO },
    }),
    status: 401,
    error: "invalid_client",
    description: "Client authentication failed",
  },
  {
    name: "a missing client secret is refused with 401 invalid_client",
    request: async () => ({ form: { grant_type: "password", client_id: "next-app", ...DEMO } }),
    status: 401,
    error: "invalid_client",
    description: "Client authentication failed",
  },
  {
    name: "a garbled refresh token cannot be decrypted",
    request: async () => ({ form: { grant_type: "refresh_token", ...CLIENT, refresh_token: "def50200deadbeef" } }),
    status: 400,
    error: "invalid_grant",
    description: INVALID_REFRESH,
    hint: "Cannot decrypt the refresh token",
  },
  {
    name: "a refresh token with one character changed cannot be decrypted",
    request: async (h) => {
      const { refresh_token } = await h.login();
      const flipped = refresh_token.slice(0, -1) + (refresh_token.endsWith("0") ? "1" : "0");
      return { form: { grant_type: "refresh_token", ...CLIENT, refresh_token: flipped } };
    },
    status: 400,
    error: "invalid_grant",
    description: INVALID_REFRESH,
    hint: "Cannot decrypt the refresh token",
  },
  {
    name: "an expired refresh token is refused with the hint Token has expired",
    request: async (h) => {
      const { refresh_token } = await h.login();
      h.clock.advance(61);
      return { form: { grant_type: "refresh_token", ...CLIENT, refresh_token } };
    },
    status: 400,
    error: "invalid_grant",
    description: INVALID_REFRESH,
    hint: "Token has expired",
  },
  {
    name: "a refresh token rotated out by a refresh is refused as revoked",
    request: async (h) => {
      const { refresh_token } = await h.login();
      expect((await h.refresh(refresh_token)).status).toBe(200);
      return { form: { grant_type: "refresh_token", ...CLIENT, refresh_token } };
    },
    status: 400,
    error: "invalid_grant",
    description: INVALID_REFRESH,
    hint: "Token has been revoked",
  },
  {
    name: "a refresh token issued before a reset is refused as revoked (the site no longer knows it)",
    request: async (h) => {
      const { refresh_token } = await h.login();
      h.drupal.reset();
      return { form: { grant_type: "refresh_token", ...CLIENT, refresh_token } };
    },
    status: 400,
    error: "invalid_grant",
    description: INVALID_REFRESH,
    hint: "Token has been revoked",
  },
  {
    name: "a refresh token issued to another client is refused",
    request: async (h) => {
      const response = await h.token({
        grant_type: "password",
        client_id: "other-app",
        client_secret: "other-app-secret",
        ...DEMO,
      });
      const { refresh_token } = (await response.json()) as { refresh_token: string };
      return { form: { grant_type: "refresh_token", ...CLIENT, refresh_token } };
    },
    status: 400,
    error: "invalid_grant",
    description: INVALID_REFRESH,
    hint: "Token is not linked to client",
  },
  {
    name: "a grant the consumer does not have (client_credentials) is unsupported",
    request: async () => ({ form: { grant_type: "client_credentials", ...CLIENT } }),
    status: 400,
    error: "unsupported_grant_type",
    description: "The authorization grant type is not supported by the authorization server.",
    hint: "Check that all required parameters have been provided",
  },
  {
    name: "a request without grant_type is unsupported",
    request: async () => ({ form: { ...CLIENT, ...DEMO } }),
    status: 400,
    error: "unsupported_grant_type",
    description: "The authorization grant type is not supported by the authorization server.",
    hint: "Check that all required parameters have been provided",
  },
  {
    name: "a request without client_id anywhere is invalid",
    request: async () => ({ form: { grant_type: "password", ...DEMO } }),
    status: 400,
    error: "invalid_request",
    description: INVALID_REQUEST,
    hint: "Check the `client_id` parameter",
  },
  {
    name: "a JSON body is not read: the client_id is missing",
    request: async () => ({
      form: {},
      headers: { "Content-Type": "application/json" },
    }),
    status: 400,
    error: "invalid_request",
    description: INVALID_REQUEST,
    hint: "Check the `client_id` parameter",
    in5x: {
      status: 400,
      error: "unsupported_grant_type",
      description: "The authorization grant type is not supported by the authorization server.",
      hint: "Check that all required parameters have been provided",
    },
  },
  {
    name: "a password grant without username is invalid",
    request: async () => ({ form: { grant_type: "password", ...CLIENT, password: "x" } }),
    status: 400,
    error: "invalid_request",
    description: INVALID_REQUEST,
    hint: "Check the `username` parameter",
  },
  {
    name: "a password grant without password is invalid",
    request: async () => ({ form: { grant_type: "password", ...CLIENT, username: "demo" } }),
    status: 400,
    error: "invalid_request",
    description: INVALID_REQUEST,
    hint: "Check the `password` parameter",
  },
  {
    name: "a refresh grant without refresh_token is invalid",
    request: async () => ({ form: { grant_type: "refresh_token", ...CLIENT } }),
    status: 400,
    error: "invalid_request",
    description: INVALID_REQUEST,
    hint: "Check the `refresh_token` parameter",
  },
  {
    name: "an unknown scope is refused",
    request: async () => ({ form: { grant_type: "password", ...CLIENT, ...DEMO, scope: "administer" } }),
    status: 400,
    error: "invalid_scope",
    description: "The requested scope is invalid, unknown, or malformed",
    hint: "Check the `administer` scope(s)",
  },
  {
    name: "the sixth attempt after five failed logins for an account is flood-blocked, even with the right password",
    request: async (h) => {
      for (let i = 0; i < 5; i++) {
        expect((await h.token({ grant_type: "password", ...CLIENT, username: "alice", password: "no" })).status).toBe(400);
      }
      return { form: { grant_type: "password", ...CLIENT, ...ALICE } };
    },
    status: 403,
    error: "flood_user_blocked",
    description:
      "There have been more than 5 failed login attempts for this account. It is temporarily blocked. Try again later or request a new password.",
  },
  {
    name: "after fifty failed logins from one IP address every login from it is flood-blocked",
    request: async (h) => {
      for (let i = 0; i < 50; i++) {
        await h.token({ grant_type: "password", ...CLIENT, username: `ghost${i}`, password: "no" });
      }
      return { form: { grant_type: "password", ...CLIENT, ...DEMO } };
    },
    status: 403,
    error: "flood_ip_blocked",
    description:
      "Too many failed login attempts from your IP address. This IP address is temporarily blocked. Try again later or request a new password.",
  },
];

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe.each([6, 5] as const)("simple_oauth %s.x token endpoint errors", (version) => {
  it.each(rows)("$name", async (given) => {
    const row = version === 5 && given.in5x ? { ...given, hint: undefined, ...given.in5x } : given;
    h = await startDrupal({ version, accessTtl: 30, refreshTtl: 60 });
    const { form, headers } = await row.request(h);
    const response = await h.token(form, headers);
    expect(response.status).toBe(row.status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const expected: Record<string, string> = { error: row.error, error_description: row.description };
    if (row.hint !== undefined) expected.hint = row.hint;
    if (version === 5) expected.message = row.description;
    expect(await response.json()).toStrictEqual(expected);
  });
});

describe("where 6.x and 5.x differ", () => {
  it.each([
    { version: 6, status: 400, error: "invalid_request" },
    { version: 5, status: 200, error: undefined },
  ] as const)(
    "$version.x with the client only in HTTP Basic answers $status",
    async ({ version, status, error }) => {
      h = await startDrupal({ version });
      const response = await h.token(
        { grant_type: "password", ...DEMO },
        { Authorization: basic("next-app", "next-app-secret") },
      );
      expect(response.status).toBe(status);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.error).toBe(error);
      if (error) expect(body.hint).toBe("Check the `client_id` parameter");
    },
  );

  it.each([
    { version: 6, status: 200 },
    { version: 5, status: 400 },
  ] as const)("$version.x signing in with the e-mail address as username answers $status", async ({ version, status }) => {
    h = await startDrupal({ version });
    const response = await h.token({
      grant_type: "password",
      ...CLIENT,
      username: "demo@example.com",
      password: "demo-password",
    });
    expect(response.status).toBe(status);
  });

  it.each([
    { version: 6, error: "invalid_client", status: 401 },
    { version: 5, error: "unsupported_grant_type", status: 400 },
  ] as const)(
    "$version.x checks an unknown client and an unknown grant in its own order ($error first)",
    async ({ version, error, status }) => {
      h = await startDrupal({ version });
      const response = await h.token({ grant_type: "client_credentials", client_id: "nope", client_secret: "x" });
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toBe(error);
    },
  );

  it("6.x takes the secret from HTTP Basic when the body names the client", async () => {
    h = await startDrupal({ version: 6 });
    const response = await h.token(
      { grant_type: "password", client_id: "next-app", ...DEMO },
      { Authorization: basic("next-app", "next-app-secret") },
    );
    expect(response.status).toBe(200);
  });

  it.each([6, 5] as const)(
    "%s.x adds a Basic challenge to invalid_client when the request used HTTP Basic",
    async (version) => {
      h = await startDrupal({ version });
      const response = await h.token(
        { grant_type: "password", client_id: "next-app", ...DEMO },
        { Authorization: basic("next-app", "wrong") },
      );
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Basic realm="OAuth"');
    },
  );

  it("invalid_client without an Authorization header has no challenge", async () => {
    h = await startDrupal();
    const response = await h.token({ grant_type: "password", client_id: "next-app", client_secret: "bad", ...DEMO });
    expect(response.headers.get("www-authenticate")).toBeNull();
  });
});

describe("the token endpoint's route", () => {
  it("answers GET with 405 and Allow: POST", async () => {
    h = await startDrupal();
    const response = await fetch(`${h.base}/oauth/token`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});
