/**
 * The session database of the e2e suite. A SQLite file of its own, never the
 * development one (`.data/sessions.db`), so a test run neither reads nor
 * leaves sessions there. A PostgreSQL `DATABASE_URL` set in the environment
 * (CI, or `DATABASE_URL=postgres://… npm run test:e2e`) is used as given;
 * `E2E_DATABASE_URL` chooses any other.
 */
export const E2E_SQLITE_URL = "file:./.data/e2e-sessions.db";

/** Variables for every app server the suite starts. */
export function e2eDatabaseEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const fromEnv = env.DATABASE_URL?.trim() ?? "";
  const url =
    env.E2E_DATABASE_URL?.trim() ||
    (/^postgres(ql)?:\/\//i.test(fromEnv) ? fromEnv : E2E_SQLITE_URL);
  return { DATABASE_URL: url };
}
