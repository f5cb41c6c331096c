import { create, type CliEnvironment } from "./create.js";
import { CliError, exitCodeFor } from "./errors.js";
import { createStyle } from "./style.js";
import { upgrade } from "./upgrade/upgrade.js";
import { UPGRADE_COMMAND } from "./upgrade/upgrade-args.js";

/**
 * The single top-level catch: runs `create` (or `upgrade`, when the first
 * argument is that word) and turns every outcome into an exit
 * status. A `CliError` prints as a short message with its details; anything else is
 * a bug and prints with its stack so it can be reported.
 */
export async function runCli(io: CliEnvironment): Promise<number> {
  try {
    const [first, ...rest] = io.argv;
    return first === UPGRADE_COMMAND ? await upgrade(io, rest) : await create(io);
  } catch (error) {
    const style = createStyle(io.stderr, io.env);
    if (error instanceof CliError) {
      const details = error.details.map((line) => `  - ${line}\n`).join("");
      io.stderr.write(`${style.red("✖")} ${error.message}\n${details}`);
    } else {
      io.stderr.write(`${style.red("✖ Unexpected error")} (please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
    }
    return exitCodeFor(error);
  }
}
