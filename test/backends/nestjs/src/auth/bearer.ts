import type { Request } from "express";
import type { AccessPayload, RefreshPayload } from "./tokens.service";

/** The recipe's `extractTokenFromHeader`: `Authorization: Bearer <token>`, or nothing. */
export function bearerToken(request: Request): string | undefined {
  const [type, token] = request.headers.authorization?.split(" ") ?? [];
  return type === "Bearer" && token ? token : undefined;
}

/** What the guards attach to the request. */
export interface AuthenticatedRequest extends Request {
  user: AccessPayload;
}

export interface RefreshRequest extends Request {
  user: RefreshPayload;
  refreshToken: string;
}
