import type { NextConfig } from "next";
import { staticHeaderRules } from "./lib/next-jwt-auth/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `forbidden()` (app/forbidden.tsx, HTTP 403) for a signed-in user without a
  // page's role; Next still calls it experimental.
  experimental: { authInterrupts: true },
  // Every response carries the security headers, also those proxy.ts never
  // sees (next-auth's pages, the backend proxy, Next's own error answers).
  // Read at `next build` (production) and `next dev` (development).
  async headers() {
    return staticHeaderRules({ production: process.env.NODE_ENV === "production" });
  },
};

export default nextConfig;
