// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { NextResponse } from "next/server";
import { proxyError } from "@/lib/next-jwt-auth/proxy/responses";
import { currentSecurityHeaderOptions, plainSecurityHeaders } from "./headers";

/**
 * True when a percent escape of the raw (still encoded) path does not decode:
 * a lone `%`, `%zz`, or bytes that are not UTF-8 (`%ff`, overlong `%C0%AF`,
 * surrogates `%ED%A0%80`). Next fails on such a path in a dynamic route with
 * a bare 500 before any handler runs; `proxy.ts` answers it first.
 */
export function hasMalformedEscape(rawPathname: string): boolean {
  if (!rawPathname.includes("%")) return false;
  try {
    decodeURIComponent(rawPathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * 400 for a path with a malformed escape, with the headers of what the path
 * is: the backend proxy's JSON error (`bad_path`), plain text elsewhere.
 */
export function malformedPathResponse(rawPathname: string): NextResponse {
  if (rawPathname.startsWith("/api/proxy/")) return proxyError(400, "bad_path");
  const response = new NextResponse("Bad Request", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
  for (const [name, value] of plainSecurityHeaders(currentSecurityHeaderOptions())) {
    response.headers.set(name, value);
  }
  return response;
}
