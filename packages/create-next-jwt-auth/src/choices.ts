import type { CliArgs } from "./args.js";
import { CliError } from "./errors.js";
import { DEFAULT_STACK, invalidStackReason, type Stack } from "./options.js";
import { projectTarget, type ProjectTarget } from "./project-target.js";
import { DEFAULT_DATABASE, DEFAULT_PROJECT_NAME, askMissing, type Prompter } from "./prompts.js";

/** Every answer the project needs, from flags, prompts or defaults. */
export interface Choices {
  target: ProjectTarget;
  stack: Stack;
  /** Human notes on what was defaulted without asking, e.g. `backend: rest`. Empty when nothing was. */
  defaulted: string[];
}

/**
 * Combine the command line with prompts (when `interactive`) or defaults. Everything
 * that can be checked from the flags alone is checked before the first question, so
 * nobody answers three prompts to learn that a flag was wrong.
 */
export async function resolveChoices(
  args: CliArgs,
  context: { cwd: string; interactive: boolean; prompter: Prompter },
): Promise<Choices> {
  if (args.db !== undefined && args.session !== "db") {
    const reason = invalidStackReason({
      backend: args.backend ?? DEFAULT_STACK.backend,
      session: args.session ?? "jwt",
      db: args.db,
    });
    throw new CliError("INVALID_COMBINATION", `${reason}; add --session db or drop --db.`);
  }
  // Validate a given directory before asking anything else.
  const givenTarget = args.dir === undefined ? undefined : projectTarget(args.dir, context.cwd);

  const answers = context.interactive
    ? await askMissing(
        {
          dir: givenTarget === undefined,
          backend: args.backend === undefined,
          session: args.session === undefined,
          db: args.db === undefined && args.session !== "jwt",
          givenSession: args.session,
        },
        context.prompter,
        context.cwd,
      )
    : {};

  const defaulted: string[] = [];
  const pick = <T>(label: string, given: T | undefined, answered: T | undefined, fallback: T): T => {
    if (given !== undefined) return given;
    if (answered !== undefined) return answered;
    defaulted.push(`${label}: ${String(fallback)}`);
    return fallback;
  };

  const dir = pick("project", args.dir, answers.dir, DEFAULT_PROJECT_NAME);
  const backend = pick("backend", args.backend, answers.backend, DEFAULT_STACK.backend);
  const session = pick("session", args.session, answers.session, DEFAULT_STACK.session);
  const db = session === "db" ? pick("database", args.db, answers.db, DEFAULT_DATABASE) : undefined;
  const stack: Stack = { backend, session, db };

  const reason = invalidStackReason(stack);
  if (reason) throw new CliError("INVALID_COMBINATION", reason);
  return { target: givenTarget ?? projectTarget(dir, context.cwd), stack, defaulted };
}
