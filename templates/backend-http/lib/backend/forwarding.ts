/**
 * What server code (`backendFetch`) and the browser (`/api/proxy`) may reach
 * on the backend, unless `BACKEND_PROXY_PREFIXES` says otherwise, and the
 * headers every resource call carries besides `Authorization`.
 */
export const BACKEND_FORWARDING = {
  /** Path prefixes, no leading slash, trailing slash included. */
  defaultPrefixes: ["api/"],
  resourceHeaders: {},
} as const satisfies {
  defaultPrefixes: readonly string[];
  resourceHeaders: Readonly<Record<string, string>>;
};
