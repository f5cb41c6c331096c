import { CliError } from "../errors.js";
import { invalidStackReason, type Stack } from "../options.js";
import { DEFAULT_DATABASE } from "../prompts.js";
import type { UpgradeArgs } from "./upgrade-args.js";

/**
 * The stack to upgrade to: the app's stack changed by `--backend`, `--session`
 * and `--db`. Moving to database sessions keeps the app's database or takes the
 * default one; moving to the JWT cookie drops it. Checked by the one rule book,
 * `invalidStackReason` (e.g. `--db` on an app that stays on the JWT cookie).
 */
export function targetStack(current: Stack, flags: Pick<UpgradeArgs, "backend" | "session" | "db">): Stack {
  const session = flags.session ?? current.session;
  const db = session === "db" ? (flags.db ?? current.db ?? DEFAULT_DATABASE) : flags.db;
  const stack: Stack = { backend: flags.backend ?? current.backend, session, db };
  const reason = invalidStackReason(stack);
  if (reason) throw new CliError("INVALID_COMBINATION", `${reason}; add --session db or drop --db.`);
  return stack;
}
