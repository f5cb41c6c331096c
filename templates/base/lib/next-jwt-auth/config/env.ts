// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { z } from "zod";
import appConfig from "@/app.config";
import { backendEnvSchema, toBackendConfig, type BackendConfig } from "@/lib/backend/config";
import { ENV_ERROR_PREFIX } from "./env-problem";

const secretList = z
  .string({ error: "is required (generate one with `openssl rand -base64 32`)" })
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .refine(
    (secrets) => secrets.length > 0,
    "is required (generate one with `openssl rand -base64 32`)",
  )
  .refine((secrets) => secrets.every((s) => s.length >= 32), "must be at least 32 characters");

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .positive("must be positive")
    .default(fallback);

const nonNegativeInt = (fallback: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .default(fallback);

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((value) => value.replace(/\/+$/, ""));

const prefixList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((part) => part.trim().replace(/^\/+/, ""))
      .filter(Boolean)
      .map((part) => (part.endsWith("/") ? part : `${part}/`)),
  )
  .refine(
    (prefixes) =>
      prefixes.every((p) => /^([A-Za-z0-9._~-]+\/)+$/.test(p) && !/(^|\/)\.\.?\//.test(p)),
    'must be path prefixes like "api/,files/"',
  );

/** The variables every stack has; each backend style adds its own (`backendEnvSchema`). */
export const commonEnvSchema = z.object({
  NEXTAUTH_SECRET: secretList,
  NEXTAUTH_URL: httpUrl,
  BACKEND_URL: httpUrl,
  BACKEND_TIMEOUT_MS: positiveInt(10_000),
  BACKEND_PROXY_PREFIXES: prefixList,
  // Defaults in app.config.ts; the variables override them (per deployment).
  SESSION_IDLE_TIMEOUT: positiveInt(appConfig.session.idleTimeoutSeconds),
  SESSION_ABSOLUTE_TIMEOUT: positiveInt(appConfig.session.absoluteTimeoutSeconds),
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt(20),
  LOGIN_LOCKOUT_SECONDS: positiveInt(30),
  LOGIN_FAILURE_MIN_MS: nonNegativeInt(400),
  TRUST_PROXY: nonNegativeInt(0),
});

export const envSchema = commonEnvSchema.extend(backendEnvSchema.shape);

export type Env = z.infer<typeof envSchema>;

/** Thrown at start-up when the environment is wrong; the message names every bad variable. */
export class EnvError extends Error {
  override readonly name = "EnvError";
}

/** Treat `VAR=` (empty) like an unset variable so defaults apply. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => !!entry[1]),
  );
}

/** Validate an environment. Exported for tests; the app uses `env()`. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const present = withoutEmpty(source);
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const message = !(name in present) ? "is required" : issue.message;
    return `  - ${name} ${message}`;
  });
  throw new EnvError(`${ENV_ERROR_PREFIX} (see .env.example):\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment, parsed once per process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The backend adapter's configuration, derived from `env()`. */
export function backendConfig(): BackendConfig {
  const e = env();
  return toBackendConfig({ backendUrl: e.BACKEND_URL, timeoutMs: e.BACKEND_TIMEOUT_MS }, e);
}
