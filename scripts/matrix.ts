/**
 * Which stacks CI generates and tests. Every valid stack comes from
 * `allStacks()` (the one rule book); CI runs every JWT and SQLite stack and one
 * PostgreSQL stack, because the PostgreSQL layer differs from SQLite only in the
 * store, which its contract suite already covers against a real server.
 */
import { allStacks, stackId, type Stack } from "../packages/create-next-jwt-auth/src/options.js";

export function ciStacks(): Stack[] {
  return allStacks().filter((s) => s.db !== "postgres" || s.backend === "nestjs");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const stack of process.argv.includes("--all") ? allStacks() : ciStacks()) console.log(stackId(stack));
}
