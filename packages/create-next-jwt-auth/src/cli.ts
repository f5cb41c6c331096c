import { create, type CliEnvironment } from "./create.js";
import { CliError, exitCodeFor } from "./errors.js";
import { createStyle } from "./style.js";

/**
 * The single top-level catch: runs `create` and turns every outcome into an exit
 * status. A `CliError` prints as a short message with its details; anything else is
 * a bug and prints with its stack so it can be reported.
 */
export async function runCli(io: CliEnvironment): Promise<number> {
  try {
    return await create(io);
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
