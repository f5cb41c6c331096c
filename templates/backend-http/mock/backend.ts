/**
 * The built-in mock of a JSON-over-HTTP auth backend: JSON login, rotating
 * refresh, the signed-in user, logout and a protected demo resource, with the
 * paths, field names and error bodies of `protocol.ts` (or of the protocol a
 * test passes in).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { decodeJwt, SignJWT } from "jose";
import type { HttpMockProtocol, MockError } from "./http-protocol";
import type { MockRequest, MockResponse } from "./kit/http";
import type { MockOptions } from "./kit/options";
import type { MockBackend } from "./kit/server";
import { TokenStore } from "./kit/token-store";
import { MOCK_USERS, userById } from "./kit/users";
import { PROTOCOL } from "./protocol";

export interface HttpMockOptions extends MockOptions {
  /** Another API's wire details; this app's backend style by default. */
  protocol?: HttpMockProtocol;
}

type Route = (request: MockRequest) => Promise<MockResponse> | MockResponse;

export async function createMockBackend(options: HttpMockOptions): Promise<MockBackend> {
  const protocol = options.protocol ?? PROTOCOL;
  const now = options.now ?? Date.now;
  // Access and refresh tokens are signed with two different secrets.
  const accessSecret = randomBytes(32);
  const refreshSecret = randomBytes(32);
  const seconds = () => Math.floor(now() / 1000);
  const fail = (failure: MockError): MockResponse => ({
    status: failure.status,
    body: protocol.error(failure),
  });
  const claimsOf = (userId: string) => {
    const user = userById(userId);
    return user ? protocol.accessClaims(user) : {};
  };

  const store = new TokenStore({
    accessTtlSeconds: options.accessTtlSeconds,
    refreshTtlSeconds: options.refreshTtlSeconds,
    now,
    signAccessToken: async (claims) => {
      if (protocol.opaqueTokens) return randomBytes(32).toString("base64url");
      return new SignJWT(claimsOf(claims.sub))
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(claims.sub)
        .setJti(claims.jti)
        .setIssuedAt(claims.iat)
        .setExpirationTime(claims.exp)
        .sign(accessSecret);
    },
    ...(!protocol.opaqueTokens && {
      makeRefreshToken: (userId: string) =>
        new SignJWT(claimsOf(userId))
          .setProtectedHeader({ alg: "HS256", typ: "JWT" })
          .setSubject(userId)
          .setJti(randomUUID())
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

  /** The user of the request's Bearer access token, or the style's refusal. */
  const authenticate = (request: MockRequest): { userId: string } | MockResponse => {
    if (!request.bearer) {
      store.stats.rejectedResourceCalls += 1;
      return fail(protocol.accessRefused("missing"));
    }
    const check = store.verifyAccess(request.bearer);
    return check.ok ? { userId: check.userId } : fail(protocol.accessRefused(check.reason));
  };
  const refused = (result: { userId: string } | MockResponse): result is MockResponse =>
    "status" in result;

  const routes: Record<string, Route> = {
    [`POST ${protocol.paths.login}`]: async (request) => {
      const parsed = parseJson(request.text);
      if (!parsed.ok) return fail({ status: 400, message: parsed.message });
      const body = asRecord(parsed.value);
      const invalid = protocol.invalidLogin(body);
      if (invalid) return fail(invalid);
      const username = body[protocol.loginFields.username];
      const password = body[protocol.loginFields.password];
      const user = MOCK_USERS.find((u) => u.username === username && u.password === password);
      if (!user) {
        store.stats.failedLogins += 1;
        return fail(protocol.badCredentials);
      }
      const issued = await store.issue(user.id);
      return { status: 200, body: { ...protocol.loginExtras(user), ...tokens(issued) } };
    },

    [`POST ${protocol.paths.refresh}`]: async (request) => {
      const { bodyField, bearer } = protocol.refreshToken;
      const parsed = parseJson(request.text);
      const fromBody = bodyField && parsed.ok ? asRecord(parsed.value)[bodyField] : undefined;
      const refreshToken =
        typeof fromBody === "string" && fromBody ? fromBody : bearer ? request.bearer : undefined;
      if (!refreshToken) return fail(protocol.refreshRefused("missing"));
      const result = await store.rotate(refreshToken);
      if ("error" in result) return fail(protocol.refreshRefused(result.error));
      return { status: 200, body: tokens(result) };
    },

    [`GET ${protocol.paths.me}`]: (request) => {
      const check = authenticate(request);
      if (refused(check)) return check;
      const user = userById(check.userId);
      if (!user) return fail({ status: 404, message: "User not found" });
      const claims = protocol.opaqueTokens ? {} : decodeJwt(request.bearer!);
      return { status: 200, body: protocol.me(user, claims) };
    },

    // Revokes every token of the user.
    [`POST ${protocol.paths.logout}`]: (request) => {
      const check = authenticate(request);
      if (refused(check)) return check;
      store.revokeUser(check.userId);
      return { status: 200, body: protocol.logoutBody };
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
      if (route) return route(request);
      return fail({ status: 404, message: protocol.notFound(request.method, request.path) });
    },
  };
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

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
