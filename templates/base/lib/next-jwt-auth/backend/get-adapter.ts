// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { backendConfig } from "@/lib/next-jwt-auth/config/env";
import { createBackendAdapter } from "./adapter";
import type { BackendAdapter } from "./types";

let adapter: BackendAdapter | undefined;

/** The backend adapter for this app's style, configured from the validated environment. */
export function getAdapter(): BackendAdapter {
  adapter ??= createBackendAdapter(backendConfig());
  return adapter;
}
