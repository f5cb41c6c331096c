/**
 * The session database of the e2e suite: a SQLite file of its own, never the
 * development one (`.data/sessions.db`), so a test run neither reads nor
 * leaves sessions there. `E2E_DATABASE_URL` (`file:<path>`) chooses another.
 */
export const E2E_SQLITE_URL = "file:./.data/e2e-sessions.db";

/** Variables for every app server the suite starts. */
export function e2eDatabaseEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { DATABASE_URL: env.E2E_DATABASE_URL?.trim() || E2E_SQLITE_URL };
}
