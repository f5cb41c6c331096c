/** A refusal the server answers with `{"message": "…"}` and this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** DummyJSON's own wording where it has one; the flavors pick the statuses. */
export const MESSAGES = {
  credentialsRequired: "Username and password required",
  invalidCredentials: "Invalid credentials",
  accessTokenRequired: "Access Token is required",
  tokenExpired: "Token Expired!",
  invalidToken: "Invalid/Expired Token!",
  refreshTokenRequired: "Refresh token required",
  invalidRefreshToken: "Invalid refresh token",
  invalidJson: "Invalid JSON body",
  bodyTooLarge: "Request body too large",
  badExpiresInMins: "expiresInMins must be a positive number",
  notFound: "Not found",
  methodNotAllowed: "Method not allowed",
  internal: "Internal server error",
} as const;
