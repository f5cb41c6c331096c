import "server-only";
import { backendConfig } from "@/lib/next-jwt-auth/config/env";
import { createBackendAdapter } from "./backend/adapter";
import type { BackendAdapter } from "./backend/types";

let adapter: BackendAdapter | undefined;

/** The backend adapter for this app's style, configured from the validated environment. */
export function getAdapter(): BackendAdapter {
  adapter ??= createBackendAdapter(backendConfig());
  return adapter;
}
