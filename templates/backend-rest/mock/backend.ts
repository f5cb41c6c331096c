/**
 * A generic REST auth backend, DummyJSON-style by default: JSON login that
 * answers the tokens next to the user, refresh with the refresh token in the
 * body, `GET /auth/me`, `POST /auth/logout`, `{message}` errors, and a
 * protected demo resource at `GET /api/items`. `variant: "custom"` serves the
 * same backend with other paths and field names (see `protocols.ts`).
 */
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { jsonBody, type MockRequest, type MockResponse } from "./kit/http";
import type { MockOptions } from "./kit/options";
import type { MockBackend } from "./kit/server";
import { TokenStore } from "./kit/token-store";
import { MOCK_USERS, userById } from "./kit/users";
import { CUSTOM, DUMMYJSON, type RestProtocol } from "./protocols";

export interface RestMockOptions extends MockOptions {
  /** `dummyjson` (default) or `custom`, the proof that the adapter's settings work. */
  variant?: "dummyjson" | "custom";
}

type Route = (request: MockRequest) => Promise<MockResponse> | MockResponse;

export async function createMockBackend(options: RestMockOptions): Promise<MockBackend> {
  const protocol: RestProtocol = options.variant === "custom" ? CUSTOM : DUMMYJSON;
  const now = options.now ?? Date.now;
  const accessSecret = randomBytes(32);
  const refreshSecret = randomBytes(32);
  const seconds = () => Math.floor(now() / 1000);
  const fail = (status: number, message: string): MockResponse => ({
    status,
    body: protocol.error(message),
  });

  const store = new TokenStore({
    accessTtlSeconds: options.accessTtlSeconds,
    refreshTtlSeconds: options.refreshTtlSeconds,
    now,
    signAccessToken: async (claims) => {
      if (protocol.opaqueTokens) return randomBytes(32).toString("base64url");
      const user = userById(claims.sub);
      return new SignJWT({ ...(user && protocol.user(user)) })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(claims.sub)
        .setJti(claims.jti)
        .setIssuedAt(claims.iat)
        .setExpirationTime(claims.exp)
        .sign(accessSecret);
    },
    ...(!protocol.opaqueTokens && {
      makeRefreshToken: (userId: string) =>
        new SignJWT({ id: Number(userId) })
          .setProtectedHeader({ alg: "HS256", typ: "JWT" })
          .setSubject(userId)
          .setJti(randomBytes(16).toString("hex"))
          .setIssuedAt(seconds())
          .setExpirationTime(seconds() + options.refreshTtlSeconds)
          .sign(refreshSecret),
    }),
  });

  const tokens = (issued: { accessToken: string; refreshToken: string; expiresIn: number }) => {
    const { accessToken, refreshToken, expiresIn } = protocol.tokenFields;
    return {
      [accessToken]: issued.accessToken,
      [refreshToken]: issued.refreshToken,
      ...(expiresIn && { [expiresIn]: issued.expiresIn }),
    };
  };

  /** Check the Bearer access token: 401 with DummyJSON's messages when it is missing or bad. */
  const authenticate = (request: MockRequest): { userId: string } | MockResponse => {
    if (!request.bearer) return fail(401, "Access Token is required");
    const check = store.verifyAccess(request.bearer);
    if (check.ok) return { userId: check.userId };
    return fail(401, check.reason === "expired" ? "Token Expired!" : "Invalid/Expired Token!");
  };
  const refused = (result: { userId: string } | MockResponse): result is MockResponse =>
    "status" in result;

  const routes: Record<string, Route> = {
    [`POST ${protocol.paths.login}`]: async (request) => {
      const body = asRecord(jsonBody(request));
      const username = body[protocol.loginFields.username];
      const password = body[protocol.loginFields.password];
      if (typeof username !== "string" || typeof password !== "string" || !username || !password) {
        return fail(400, "Username and password required");
      }
      const user = MOCK_USERS.find((u) => u.username === username && u.password === password);
      if (!user) {
        store.stats.failedLogins += 1;
        return fail(protocol.badCredentialsStatus, "Invalid credentials");
      }
      const issued = await store.issue(user.id);
      return { status: 200, body: { ...protocol.loginExtras(user), ...tokens(issued) } };
    },

    [`POST ${protocol.paths.refresh}`]: async (request) => {
      const fromBody = asRecord(jsonBody(request))[protocol.refreshBodyField];
      const refreshToken =
        typeof fromBody === "string" && fromBody
          ? fromBody
          : protocol.refreshFromBearer
            ? request.bearer
            : undefined;
      if (!refreshToken) return fail(401, "Refresh token required");
      const result = await store.rotate(refreshToken);
      if ("error" in result) {
        return fail(
          403,
          result.error === "expired" ? "Refresh token expired" : "Invalid refresh token",
        );
      }
      return { status: 200, body: tokens(result) };
    },

    [`GET ${protocol.paths.me}`]: (request) => {
      const check = authenticate(request);
      if (refused(check)) return check;
      const user = userById(check.userId);
      return user ? { status: 200, body: protocol.user(user) } : fail(404, "User not found");
    },

    [`POST ${protocol.paths.logout}`]: (request) => {
      const check = authenticate(request);
      if (refused(check)) return check;
      store.revokeUser(check.userId);
      return { status: 200, body: { message: "Logged out" } };
    },

    [`GET ${protocol.paths.items}`]: (request) => {
      const check = authenticate(request);
      if (refused(check)) return check;
      return { status: 200, body: protocol.items };
    },
  };

  return {
    store,
    isRefresh: (request) => request.method === "POST" && request.path === protocol.paths.refresh,
    handler: async (request) => {
      const route = routes[`${request.method} ${request.path}`];
      return route
        ? route(request)
        : fail(404, `Route ${request.method} ${request.path} not found`);
    },
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
