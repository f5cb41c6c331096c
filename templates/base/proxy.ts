// Next's proxy (formerly middleware): the session step, sign-in redirects and security
// headers, in lib/next-jwt-auth/routes/proxy.ts. Next reads `config` at build time, so the
// matcher stays a literal here: every page and next-auth's session endpoint, API paths only
// with a `%` (the malformed-escape check); not /api/proxy (its handler does its own session
// step) nor static assets.
export { proxy } from "@/lib/next-jwt-auth/routes/proxy";

export const config = {
  matcher: [
    "/api/auth/session",
    "/api/(.*%.*)",
    "/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|xml|webmanifest)$).*)",
  ],
};
