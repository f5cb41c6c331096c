/**
 * A NestJS backend as the official authentication recipe plus the common
 * refresh-token recipe build it, down to the exact error bodies: JSON login,
 * refresh with the refresh token as `Authorization: Bearer`, `GET /auth/profile`,
 * `POST /auth/logout` and a protected demo resource at `GET /api/items`.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { decodeJwt, SignJWT } from "jose";
import type { MockRequest, MockResponse } from "./kit/http";
import type { MockOptions } from "./kit/options";
import type { MockBackend } from "./kit/server";
import { TokenStore } from "./kit/token-store";
import { MOCK_ITEMS, MOCK_USERS, userById } from "./kit/users";

export interface NestMockOptions extends MockOptions {
  /** Token field names of the login and refresh answers; snake_case by default. */
  tokenFields?: { accessToken: string; refreshToken: string };
}

type Route = (request: MockRequest) => Promise<MockResponse> | MockResponse;

/** `new UnauthorizedException()` without a message, as passport guards throw it. */
const UNAUTHORIZED: MockResponse = {
  status: 401,
  body: { message: "Unauthorized", statusCode: 401 },
};

export async function createMockBackend(options: NestMockOptions): Promise<MockBackend> {
  const now = options.now ?? Date.now;
  const fields = options.tokenFields ?? {
    accessToken: "access_token",
    refreshToken: "refresh_token",
  };
  // The recipe signs access and refresh tokens with two different secrets.
  const accessSecret = randomBytes(32);
  const refreshSecret = randomBytes(32);
  const seconds = () => Math.floor(now() / 1000);

  const store = new TokenStore({
    accessTtlSeconds: options.accessTtlSeconds,
    refreshTtlSeconds: options.refreshTtlSeconds,
    now,
    // The recipe signs {sub, username}; the authorization recipe's `roles` ride along.
    signAccessToken: (claims) =>
      new SignJWT({
        username: userById(claims.sub)?.username,
        roles: userById(claims.sub)?.roles ?? [],
      })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(claims.sub)
        .setJti(claims.jti)
        .setIssuedAt(claims.iat)
        .setExpirationTime(claims.exp)
        .sign(accessSecret),
    makeRefreshToken: (userId) =>
      new SignJWT({ username: userById(userId)?.username })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(userId)
        .setJti(randomUUID())
        .setIssuedAt(seconds())
        .setExpirationTime(seconds() + options.refreshTtlSeconds)
        .sign(refreshSecret),
  });

  const pair = (tokens: { accessToken: string; refreshToken: string }): MockResponse => ({
    status: 200,
    body: { [fields.accessToken]: tokens.accessToken, [fields.refreshToken]: tokens.refreshToken },
  });

  const routes: Record<string, Route> = {
    // @HttpCode(HttpStatus.OK) @Post('login'): a DTO checked by ValidationPipe, then the users service.
    "POST /auth/login": async (request) => {
      const parsed = parseJson(request.text);
      if (!parsed.ok) return badRequest(parsed.message);
      const problems = validateSignIn(parsed.value);
      if (problems.length > 0) return badRequest(problems);
      const { username, password } = parsed.value as { username: string; password: string };
      const user = MOCK_USERS.find((u) => u.username === username && u.password === password);
      if (!user) {
        store.stats.failedLogins += 1;
        return {
          status: 401,
          body: { message: "Invalid credentials", error: "Unauthorized", statusCode: 401 },
        };
      }
      return pair(await store.issue(user.id));
    },

    // The jwt-refresh guard verifies the JWT (401 when it fails), then the service
    // compares it with the stored hash (403 "Access Denied" when it was rotated out).
    "POST /auth/refresh": async (request) => {
      if (!request.bearer) return UNAUTHORIZED;
      const result = await store.rotate(request.bearer);
      if ("error" in result) {
        return result.error === "revoked"
          ? { status: 403, body: { message: "Access Denied", error: "Forbidden", statusCode: 403 } }
          : UNAUTHORIZED;
      }
      return pair(result);
    },

    // The guard puts the verified payload on the request; the route returns it.
    "GET /auth/profile": (request) => {
      const check = store.verifyAccess(request.bearer);
      if (!check.ok || !request.bearer) return UNAUTHORIZED;
      const { sub, username, roles, iat, exp } = decodeJwt(request.bearer);
      return { status: 200, body: { sub, username, roles, iat, exp } };
    },

    // Clears the stored refresh-token hash: every token of the user stops working.
    "POST /auth/logout": (request) => {
      const check = store.verifyAccess(request.bearer);
      if (!check.ok) return UNAUTHORIZED;
      store.revokeUser(check.userId);
      return { status: 200 };
    },

    "GET /api/items": (request) => {
      const check = store.verifyAccess(request.bearer);
      if (!check.ok) return UNAUTHORIZED;
      return { status: 200, body: MOCK_ITEMS };
    },
  };

  return {
    store,
    isRefresh: (request) => request.method === "POST" && request.path === "/auth/refresh",
    handler: async (request) => {
      const route = routes[`${request.method} ${request.path}`];
      if (route) return route(request);
      // Express's router, wrapped by NestJS's NotFoundException.
      return {
        status: 404,
        body: {
          message: `Cannot ${request.method} ${request.path}`,
          error: "Not Found",
          statusCode: 404,
        },
      };
    },
  };
}

function badRequest(message: string | string[]): MockResponse {
  return { status: 400, body: { message, error: "Bad Request", statusCode: 400 } };
}

/** body-parser's JSON parsing: an empty body is `{}`, a broken one a 400 with the parser's message. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** class-validator's messages for a DTO with `@IsString() @IsNotEmpty()` on both fields. */
function validateSignIn(body: unknown): string[] {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  return ["username", "password"].flatMap((name) => {
    const value = record[name];
    const problems: string[] = [];
    if (value === undefined || value === null || value === "")
      problems.push(`${name} should not be empty`);
    if (typeof value !== "string") problems.push(`${name} must be a string`);
    return problems;
  });
}
