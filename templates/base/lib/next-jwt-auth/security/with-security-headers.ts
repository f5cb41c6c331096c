// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { NextRequest, NextResponse } from "next/server";
import { createNonce, currentSecurityHeaderOptions, securityHeaders } from "./headers";

/**
 * A per-request nonce in the CSP, on the request (Next reads it there and puts
 * it on its own scripts; `x-nonce` is for your own `<Script nonce>`) and on the
 * response (the browser enforces it). Returns what puts the headers on the response.
 */
export function withSecurityHeaders(
  request: NextRequest,
): (response: NextResponse) => NextResponse {
  const nonce = createNonce();
  const headers = securityHeaders(nonce, currentSecurityHeaderOptions());
  request.headers.set("x-nonce", nonce);
  for (const [name, value] of headers) {
    if (name === "Content-Security-Policy") request.headers.set(name, value);
  }
  return (response) => {
    for (const [name, value] of headers) response.headers.set(name, value);
    return response;
  };
}
