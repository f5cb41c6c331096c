/**
 * The mock's one simple_oauth consumer. Its id and secret are the defaults of
 * DRUPAL_CLIENT_ID and DRUPAL_CLIENT_SECRET, so a fresh app signs in.
 */
export const DEMO_CONSUMER = {
  clientId: "next-app",
  secret: "next-app-secret",
  /** Grants the consumer has enabled. */
  grants: ["password", "refresh_token"],
  /** Scope entities the site knows; the consumer's default is the first. */
  scopes: ["authenticated", "content_editor"],
} as const;
