// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * Runs once when the server starts (instrumentation.ts's `register`): fail
 * fast, with the variable's name, when the environment is wrong, instead of on
 * the first sign-in.
 */
export async function checkEnvironmentAtStartUp(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Imported here, not at the top: the edge runtime loads instrumentation.ts too.
  const { env } = await import("@/lib/next-jwt-auth/config/env");
  // Throws an EnvError listing every missing or malformed variable, or an
  // AppConfigError for a mistake in app.config.ts (env() reads its defaults);
  // the server does not start.
  env();
}
