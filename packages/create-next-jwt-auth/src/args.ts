import { parseArgs } from "node:util";
import { CliError } from "./errors.js";
import {
  BACKENDS,
  DATABASES,
  PACKAGE_MANAGERS,
  SESSIONS,
  isOneOf,
  type Backend,
  type Database,
  type PackageManager,
  type Session,
} from "./options.js";

/** What the command line said, already checked against the allowed values. Unset means "not given". */
export interface CliArgs {
  dir: string | undefined;
  backend: Backend | undefined;
  session: Session | undefined;
  db: Database | undefined;
  packageManager: PackageManager | undefined;
  install: boolean | undefined;
  git: boolean | undefined;
  yes: boolean;
  dryRun: boolean;
  help: boolean;
  version: boolean;
}

// Node 20.9's parseArgs has no `allowNegative`, so the `--no-*` forms are declared as options of their own.
/** The options creating and `upgrade` share: the stack, the package manager and the install switch. */
export const STACK_OPTIONS = {
  backend: { type: "string" },
  session: { type: "string" },
  db: { type: "string" },
  "package-manager": { type: "string" },
  install: { type: "boolean" },
  "no-install": { type: "boolean" },
} as const;

const OPTIONS = {
  ...STACK_OPTIONS,
  git: { type: "boolean" },
  "no-git": { type: "boolean" },
  yes: { type: "boolean", short: "y" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/**
 * Parse `argv` (without the node and script paths). Throws a `CliError` with a
 * usage code for unknown options, missing or unknown values and extra arguments.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parseWithTokens>;
  try {
    parsed = parseWithTokens(argv);
  } catch (error) {
    throw new CliError("USAGE", `${usageMessage(error as Error & { code?: string })} Run with --help to see every option.`);
  }
  const { values, positionals, tokens } = parsed;
  if (positionals.length > 1) {
    throw new CliError("USAGE", `expected at most one directory, got ${positionals.length}: ${positionals.join(" ")}`);
  }
  return {
    dir: positionals[0],
    ...stackChoices(values, tokens),
    git: lastSwitch(tokens, "git"),
    yes: values.yes === true,
    dryRun: values["dry-run"] === true,
    help: values.help === true,
    version: values.version === true,
  };
}

/** The values of `STACK_OPTIONS`, each checked against the allowed values. */
export function stackChoices(
  values: { backend?: string; session?: string; db?: string; "package-manager"?: string },
  tokens: readonly ParseToken[],
): Pick<CliArgs, "backend" | "session" | "db" | "packageManager" | "install"> {
  return {
    backend: choice("--backend", BACKENDS, values.backend),
    session: choice("--session", SESSIONS, values.session),
    db: choice("--db", DATABASES, values.db),
    packageManager: choice("--package-manager", PACKAGE_MANAGERS, values["package-manager"]),
    install: lastSwitch(tokens, "install"),
  };
}

/** Node's parseArgs messages explain `--` escaping at length; keep the part that matters. */
export function usageMessage(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `unknown option ${option}.`;
  return error.message.endsWith(".") ? error.message : `${error.message}.`;
}

/** One token of `parseArgs(..., { tokens: true })`. */
export type ParseToken = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

function parseWithTokens(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
}

/** A flag's value checked against the allowed values (trimmed, case-insensitive); undefined when not given. */
export function choice<T extends readonly string[]>(flag: string, allowed: T, raw: string | undefined): T[number] | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase();
  if (isOneOf(allowed, value)) return value;
  throw new CliError("INVALID_OPTION", `${flag} "${raw}" is not one of: ${allowed.join(", ")}`);
}

/** `--x` / `--no-x` pairs: the last one given wins, as in most CLIs, so aliases can be overridden. */
export function lastSwitch(tokens: readonly ParseToken[], name: string): boolean | undefined {
  let result: boolean | undefined;
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (token.name === name) result = true;
    else if (token.name === `no-${name}`) result = false;
  }
  return result;
}
