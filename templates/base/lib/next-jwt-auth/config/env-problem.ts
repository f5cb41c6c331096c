// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/** How `parseEnv` (lib/next-jwt-auth/config/env.ts) starts the message of an `EnvError`. */
export const ENV_ERROR_PREFIX = "Invalid environment";

/**
 * The list of bad variables to show on an error page, or `undefined`. Only
 * in development: there the server sends the error's message to the page
 * (say, `BACKEND_URL` was made invalid in `.env.local` while `next dev` runs);
 * a production server never does, and refuses to start on a bad environment
 * instead (instrumentation.ts, start-up-check.ts).
 */
export function environmentProblem(
  error: { message?: unknown } | undefined,
  nodeEnv: string | undefined,
): string | undefined {
  if (nodeEnv !== "development" || typeof error?.message !== "string") return undefined;
  return error.message.startsWith(ENV_ERROR_PREFIX) ? error.message : undefined;
}
