/** JWT sessions keep no database: the suite's servers need no database variables. */
export function e2eDatabaseEnv(): Record<string, string> {
  return {};
}
