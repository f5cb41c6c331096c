// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { NextResponse } from "next/server";
import { PROXY_CONTENT_SECURITY_POLICY } from "@/lib/next-jwt-auth/security/headers";
import { SESSION_ENDED_HEADER } from "./session-ended";

/** The error codes the proxy answers with; `useAuth`'s fetch helper understands `session_expired`. */
export type ProxyErrorCode =
  | "unauthenticated"
  | "session_expired"
  | "forbidden"
  | "not_allowed"
  | "bad_path"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "payload_too_large"
  | "backend_unavailable"
  | "backend_timeout";

/** A JSON error answer: no stack trace, no backend URL, no token. */
export function proxyError(
  status: number,
  error: ProxyErrorCode,
  headers?: HeadersInit,
): NextResponse {
  const response = NextResponse.json({ error }, { status, headers });
  withProxyHeaders(response.headers);
  if (error === "session_expired" || error === "unauthenticated") {
    response.headers.set(SESSION_ENDED_HEADER, "1");
  }
  return response;
}

/**
 * Headers on every proxy answer: never cached (it depends on the session),
 * varies by CSRF inputs, and never rendered as a page of this origin — the
 * body is the backend's, so its type is not sniffed and, should it be HTML, a
 * deny-all sandboxed CSP keeps any script in it from running here.
 */
export function withProxyHeaders(headers: Headers): Headers {
  headers.set("Cache-Control", "no-store");
  headers.set("Vary", "Origin, Sec-Fetch-Site, Cookie");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Content-Security-Policy", PROXY_CONTENT_SECURITY_POLICY);
  headers.set("X-Frame-Options", "DENY");
  headers.set("Referrer-Policy", "no-referrer");
  return headers;
}
