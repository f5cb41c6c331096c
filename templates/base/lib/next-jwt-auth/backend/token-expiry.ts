// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { decodeJwt } from "jose";
import { BackendError } from "./errors";

/**
 * The `exp` claim of a JWT in epoch milliseconds, `undefined` for an opaque
 * token or one without `exp`. The signature is not checked on purpose: the app
 * only uses the time to know when to refresh, and the backend stays the judge
 * of whether the token is good.
 */
export function jwtExpiresAt(token: string): number | undefined {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When the access token stops working, in epoch milliseconds: from the
 * lifetime the backend sent with it when there is one, else from the token's
 * own `exp` claim. A token with neither cannot be refreshed on time, so it is
 * refused as a response the adapter does not understand.
 */
export function accessTokenExpiresAt(
  accessToken: string,
  expiresInSeconds: number | undefined,
  now: number,
): number {
  if (expiresInSeconds !== undefined) return now + expiresInSeconds * 1000;
  const fromClaim = jwtExpiresAt(accessToken);
  if (fromClaim === undefined) {
    throw new BackendError(
      "bad_response",
      "the access token has no lifetime: no expiry field in the answer and no exp claim",
    );
  }
  return fromClaim;
}
