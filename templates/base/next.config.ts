import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The server talks to the backend; nothing about it belongs in client bundles.
  serverExternalPackages: [],
};

export default nextConfig;
