import prompts, { type PromptObject } from "prompts";
import { CliError } from "./errors.js";
import {
  BACKENDS,
  BACKEND_LABELS,
  DATABASES,
  DATABASE_LABELS,
  DEFAULT_STACK,
  SESSIONS,
  SESSION_LABELS,
  type Backend,
  type Database,
  type Session,
} from "./options.js";
import { projectTarget, validateProjectInput } from "./project-target.js";
import { targetConflicts } from "./target-dir.js";

/** The shape of the `prompts` function, so tests can answer (or cancel) without a terminal. */
export type Prompter = (
  questions: PromptObject[],
  options: { onCancel: () => void },
) => Promise<Record<string, unknown>>;

/** The real prompter. */
export const terminalPrompter: Prompter = (questions, options) => prompts(questions, options);

/** The project directory when none is given or typed. */
export const DEFAULT_PROJECT_NAME = "my-app";
/** The database of a db session when none is given: embedded, nothing to run. */
export const DEFAULT_DATABASE: Database = "sqlite";

/** What the prompts may ask; a question is asked only when its answer is missing. */
export interface Unanswered {
  dir: boolean;
  backend: boolean;
  session: boolean;
  /** Asked when the session (given or answered) is "db" and no database was given. */
  db: boolean;
  /** The session given on the command line, if any: decides whether `db` is asked. */
  givenSession: Session | undefined;
}

/** What the prompts returned; a key is missing when its question was not asked. */
export interface PromptAnswers {
  dir?: string;
  backend?: Backend;
  session?: Session;
  db?: Database;
}

/**
 * The name prompt's check: a valid name whose directory is free of the user's files,
 * so a taken directory is caught while the user can still type another name. (Files
 * the templates would write are checked again after rendering.)
 */
export function validateNewProject(value: string, cwd: string): true | string {
  const valid = validateProjectInput(value, cwd);
  if (valid !== true) return valid;
  try {
    const conflicts = targetConflicts(projectTarget(value, cwd).dir, []);
    if (conflicts.length === 0) return true;
    const shown = conflicts.slice(0, 5).join(", ") + (conflicts.length > 5 ? ", …" : "");
    return `${value} already contains ${shown}; choose another name`;
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
}

function selectChoices<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ title: value, value, description: labels[value] }));
}

/**
 * Ask for whatever is missing. Cancelling (Ctrl-C, Esc) throws `CliError("CANCELLED")`
 * before anything has been written.
 */
export async function askMissing(need: Unanswered, prompter: Prompter, cwd: string): Promise<PromptAnswers> {
  const questions: PromptObject[] = [];
  if (need.dir) {
    questions.push({
      type: "text",
      name: "dir",
      message: "Project name (or path)",
      initial: DEFAULT_PROJECT_NAME,
      format: (value: string) => value.trim(),
      validate: (value: string) => validateNewProject(value, cwd),
    });
  }
  if (need.backend) {
    questions.push({
      type: "select",
      name: "backend",
      message: "Which backend does the app log in against?",
      choices: selectChoices(BACKENDS, BACKEND_LABELS),
      initial: BACKENDS.indexOf(DEFAULT_STACK.backend),
    });
  }
  if (need.session) {
    questions.push({
      type: "select",
      name: "session",
      message: "Where should sessions live?",
      choices: selectChoices(SESSIONS, SESSION_LABELS),
      initial: SESSIONS.indexOf(DEFAULT_STACK.session),
    });
  }
  if (need.db) {
    questions.push({
      // Decided at ask time: the session may have just been answered.
      type: (_prev: unknown, values: Record<string, unknown>) =>
        (need.givenSession ?? values.session) === "db" ? "select" : null,
      name: "db",
      message: "Which database stores the sessions?",
      choices: selectChoices(DATABASES, DATABASE_LABELS),
      initial: DATABASES.indexOf(DEFAULT_DATABASE),
    });
  }
  if (questions.length === 0) return {};

  let cancelled = false;
  const answers = await prompter(questions, {
    onCancel: () => {
      cancelled = true;
    },
  });
  // prompts stops at the first cancelled question and resolves with what it has.
  if (cancelled) throw new CliError("CANCELLED", "Cancelled; nothing was written.");
  return answers as PromptAnswers;
}
