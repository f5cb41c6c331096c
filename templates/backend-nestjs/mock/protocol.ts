import { STATUS_CODES } from "node:http";
import type { HttpMockProtocol, MockError } from "./http-protocol";
import { MOCK_ITEMS } from "./kit/users";

/**
 * NestJS's `HttpException` body: `new UnauthorizedException()` says
 * `{message: "Unauthorized", statusCode}`; one with its own message adds the
 * status text as `error`.
 */
function nestError({ status, message }: MockError): Record<string, unknown> {
  const text = STATUS_CODES[status] ?? "Error";
  return message === text
    ? { message, statusCode: status }
    : { message, error: text, statusCode: status };
}

/** class-validator's messages for a DTO with `@IsString() @IsNotEmpty()` on both fields. */
function validateSignIn(body: Record<string, unknown>): MockError | undefined {
  const problems = ["username", "password"].flatMap((name) => {
    const value = body[name];
    const found: string[] = [];
    if (value === undefined || value === null || value === "") {
      found.push(`${name} should not be empty`);
    }
    if (typeof value !== "string") found.push(`${name} must be a string`);
    return found;
  });
  return problems.length > 0 ? { status: 400, message: problems } : undefined;
}

/** `new UnauthorizedException()` without a message, as passport guards throw it. */
const UNAUTHORIZED: MockError = { status: 401, message: "Unauthorized" };

/**
 * A NestJS backend as the official authentication recipe plus the common
 * refresh-token recipe build it, down to the exact error bodies: JSON login
 * checked by ValidationPipe, refresh with the refresh token as
 * `Authorization: Bearer`, `GET /auth/profile` answering the token's payload.
 */
export const PROTOCOL: HttpMockProtocol = {
  paths: {
    login: "/auth/login",
    refresh: "/auth/refresh",
    me: "/auth/profile",
    logout: "/auth/logout",
    items: "/api/items",
  },
  loginFields: { username: "username", password: "password" },
  tokenFields: { accessToken: "access_token", refreshToken: "refresh_token" },
  refreshToken: { bearer: true },
  opaqueTokens: false,
  // The recipe signs {sub, username}; the authorization recipe's `roles` ride along.
  accessClaims: (user) => ({ username: user.username, roles: user.roles }),
  error: nestError,
  invalidLogin: validateSignIn,
  badCredentials: { status: 401, message: "Invalid credentials" },
  accessRefused: () => UNAUTHORIZED,
  // The jwt-refresh guard verifies the JWT (401 when it fails), then the service
  // compares it with the stored hash (403 "Access Denied" when it was rotated out).
  refreshRefused: (reason) =>
    reason === "revoked" ? { status: 403, message: "Access Denied" } : UNAUTHORIZED,
  // The guard puts the verified payload on the request; the route returns it.
  me: (_user, { sub, username, roles, iat, exp }) => ({ sub, username, roles, iat, exp }),
  loginExtras: () => ({}),
  logoutBody: undefined,
  items: MOCK_ITEMS,
  // Express's router, wrapped by NestJS's NotFoundException.
  notFound: (method, path) => `Cannot ${method} ${path}`,
};
