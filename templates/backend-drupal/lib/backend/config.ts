import "server-only";
import { z } from "zod";

/**
 * The Drupal style's own environment variables. The defaults match the
 * built-in mock's demo consumer, so a fresh app signs in out of the box.
 */
export const backendEnvSchema = z.object({
  /** The simple_oauth consumer's Client ID (Configuration → Simple OAuth → Clients). */
  DRUPAL_CLIENT_ID: z.string().trim().min(1).default("next-app"),
  /** The consumer's secret (the password grant needs a confidential consumer). */
  DRUPAL_CLIENT_SECRET: z.string().min(1).default("next-app-secret"),
  /** Space-separated scope machine names; empty means the consumer's default scopes. */
  DRUPAL_SCOPE: z.string().trim().optional(),
  /** Where the signed-in user comes from: OpenID Connect userinfo, or JSON:API's `me` link. */
  DRUPAL_USER_SOURCE: z.enum(["userinfo", "jsonapi"]).default("userinfo"),
});

export type DrupalEnv = z.infer<typeof backendEnvSchema>;

/** Everything the Drupal adapter needs, validated and normalised. */
export interface BackendConfig {
  /** Drupal's base URL without a trailing slash, e.g. `https://cms.example.com`. */
  baseUrl: string;
  timeoutMs: number;
  clientId: string;
  clientSecret: string;
  /** `undefined` lets Drupal grant the consumer's default scopes. */
  scope: string | undefined;
  userSource: "userinfo" | "jsonapi";
}

/** Combine the common backend settings with the Drupal variables. */
export function toBackendConfig(
  common: { backendUrl: string; timeoutMs: number },
  env: DrupalEnv,
): BackendConfig {
  return {
    baseUrl: common.backendUrl.replace(/\/+$/, ""),
    timeoutMs: common.timeoutMs,
    clientId: env.DRUPAL_CLIENT_ID,
    clientSecret: env.DRUPAL_CLIENT_SECRET,
    scope: env.DRUPAL_SCOPE ? env.DRUPAL_SCOPE : undefined,
    userSource: env.DRUPAL_USER_SOURCE,
  };
}
