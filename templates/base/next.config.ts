import type { NextConfig } from "next";
import { staticHeaderRules } from "./lib/next-jwt-auth/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The server talks to the backend; nothing about it belongs in client bundles.
  serverExternalPackages: [],
  // Every response carries the security headers, also those proxy.ts never
  // sees (next-auth's pages, the backend proxy, Next's own error answers).
  // Read at `next build` (production) and `next dev` (development).
  async headers() {
    return staticHeaderRules({ production: process.env.NODE_ENV === "production" });
  },
};

export default nextConfig;
