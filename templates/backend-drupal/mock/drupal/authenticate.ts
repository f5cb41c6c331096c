import type { MockRequest, MockResponse } from "../kit/http";
import type { TokenStore } from "../kit/token-store";
import { userById, type MockUser } from "../kit/users";
import { errorResponse } from "./responses";

export type Authentication =
  | { kind: "anonymous" }
  | { kind: "user"; user: MockUser }
  | { kind: "refused"; response: MockResponse };

/**
 * simple_oauth's authentication provider: no bearer token means an anonymous
 * request; a bad, expired or revoked one is a 401 whose challenge says
 * `access_denied` (not RFC 6750's `invalid_token`) with league's hint.
 */
export function authenticate(request: MockRequest, store: TokenStore): Authentication {
  if (request.bearer === undefined) return { kind: "anonymous" };
  const check = store.verifyAccess(request.bearer);
  const user = check.ok ? userById(check.userId) : undefined;
  if (user) return { kind: "user", user };

  let hint = "Access token could not be verified";
  if (!check.ok && check.reason === "revoked") hint = "Access token has been revoked";
  else if (request.bearer.split(".").length !== 3) hint = "The JWT string must have two dots";
  return {
    kind: "refused",
    response: errorResponse(request, 401, hint, {
      "WWW-Authenticate": `Bearer realm="OAuth", error="access_denied", error_description="${hint}"`,
    }),
  };
}
