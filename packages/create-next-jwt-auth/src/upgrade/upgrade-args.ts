import { parseArgs } from "node:util";
import { STACK_OPTIONS, stackChoices, usageMessage } from "../args.js";
import { CliError } from "../errors.js";
import {
  type Backend,
  type Database,
  type PackageManager,
  type Session,
} from "../options.js";

/** The word that selects the upgrade command: `create-next-jwt-auth upgrade [dir]`. */
export const UPGRADE_COMMAND = "upgrade";

/** What `upgrade` was asked to do, already checked against the allowed values. */
export interface UpgradeArgs {
  /** The app's folder; undefined means the current directory. */
  dir: string | undefined;
  /** Option switches; undefined keeps the app's current choice. */
  backend: Backend | undefined;
  session: Session | undefined;
  db: Database | undefined;
  /** Only for apps without a manifest whose package manager cannot be read from the app. */
  packageManager: PackageManager | undefined;
  install: boolean | undefined;
  dryRun: boolean;
  allowDirty: boolean;
  check: boolean;
  help: boolean;
}

const OPTIONS = {
  ...STACK_OPTIONS,
  "dry-run": { type: "boolean" },
  "allow-dirty": { type: "boolean" },
  check: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Parse the arguments after `upgrade`. Unknown options, unknown values and more
 * than one directory are usage errors (`CliError`, exit 2), as for creating.
 */
export function parseUpgradeArgs(argv: readonly string[]): UpgradeArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new CliError(
      "USAGE",
      `${usageMessage(error as Error & { code?: string })} Run \`${UPGRADE_COMMAND} --help\` to see every option.`,
    );
  }
  const { values, positionals, tokens } = parsed;
  if (positionals.length > 1) {
    throw new CliError("USAGE", `upgrade takes at most one directory, got ${positionals.length}: ${positionals.join(" ")}`);
  }
  const check = values.check === true;
  const switches = ["backend", "session", "db", "dry-run"].filter((name) => values[name as keyof typeof values] !== undefined);
  if (check && switches.length > 0) {
    throw new CliError("USAGE", `--check only checks the app; it takes no --${switches.join(", --")}`);
  }
  return {
    dir: positionals[0],
    ...stackChoices(values, tokens),
    dryRun: values["dry-run"] === true,
    allowDirty: values["allow-dirty"] === true,
    check,
    help: values.help === true,
  };
}
