/**
 * The session database of the e2e suite: `E2E_DATABASE_URL`, else the
 * `DATABASE_URL` set in the environment (CI, or `DATABASE_URL=postgres://…
 * npm run test:e2e`), never the development one of `.env.local` (Next reads
 * that file itself; the suite passes its own value over it).
 */
export function e2eDatabaseEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const url = env.E2E_DATABASE_URL?.trim() || env.DATABASE_URL?.trim();
  if (!url) {
    throw new Error(
      "The e2e suite needs a database of its own: set E2E_DATABASE_URL=postgres://… " +
        "(or DATABASE_URL in the environment).",
    );
  }
  return { DATABASE_URL: url };
}
