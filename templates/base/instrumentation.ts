/**
 * Runs once when the server starts: fail fast, with the variable's name, when
 * the environment is wrong, instead of on the first sign-in.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/next-jwt-auth/config/env");
  // Throws an EnvError listing every missing or malformed variable, or an
  // AppConfigError for a mistake in app.config.ts (lib/next-jwt-auth/config/env reads its defaults);
  // the server does not start.
  env();
}
