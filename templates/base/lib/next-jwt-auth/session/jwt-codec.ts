// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import {
  decode,
  encode,
  type JWT,
  type JWTDecodeParams,
  type JWTEncodeParams,
  type JWTOptions,
} from "next-auth/jwt";
import { env } from "@/lib/next-jwt-auth/config/env";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";

/**
 * next-auth's encrypted-JWT codec with secret rotation: `NEXTAUTH_SECRET` may
 * be "current,previous"; cookies are written with the current secret and read
 * with any of them. Wrong secret, tampering or truncation decode to `null`,
 * never an exception.
 */
/** How the session cookie is written and read. */
export type SessionCodec = Required<Pick<JWTOptions, "encode" | "decode">>;

const rotatingCodec: SessionCodec = {
  encode(params: JWTEncodeParams): Promise<string> {
    return encode({ ...params, secret: currentSecret() });
  },
  async decode(params: JWTDecodeParams): Promise<JWT | null> {
    if (!params.token) return null;
    for (const secret of env().NEXTAUTH_SECRET) {
      try {
        const token = await decode({ ...params, secret });
        if (token) return token;
      } catch {
        // Not this secret (or not a token at all): try the next one.
      }
    }
    return null;
  },
};

/** The secret new cookies are encrypted with. */
export function currentSecret(): string {
  const [current] = env().NEXTAUTH_SECRET;
  if (!current) throw new Error("NEXTAUTH_SECRET is empty");
  return current;
}

/** The codec every reader and writer of the session cookie uses: the storage's, else the rotating JWE. */
export function sessionCodec(): SessionCodec {
  const custom = sessionStorage.jwt;
  if (custom?.encode && custom.decode) return { encode: custom.encode, decode: custom.decode };
  return rotatingCodec;
}
