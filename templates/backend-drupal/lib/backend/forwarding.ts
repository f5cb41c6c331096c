import { JSON_API_HEADERS } from "@/lib/next-jwt-auth/backend/resource";

/**
 * What server code (`backendFetch`) and the browser (`/api/proxy`) may reach
 * on Drupal, unless `BACKEND_PROXY_PREFIXES` says otherwise, and the headers
 * every resource call carries besides `Authorization`: JSON:API's media type,
 * without which Drupal answers errors in another format.
 */
export const BACKEND_FORWARDING = {
  /** Path prefixes, no leading slash, trailing slash included. */
  defaultPrefixes: ["jsonapi/"],
  resourceHeaders: JSON_API_HEADERS,
} as const satisfies {
  defaultPrefixes: readonly string[];
  resourceHeaders: Readonly<Record<string, string>>;
};
