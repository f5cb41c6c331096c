import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Exec } from "../exec.js";

/**
 * Let the app's own Prettier reformat the files whose imports upgrade rewrote: a
 * longer path can push an import past the print width, and the app's lint runs
 * `prettier --check`. Only when the app has Prettier installed; returns a sentence
 * when the files are left for the user to format, else undefined.
 */
export async function formatRewritten(dir: string, paths: readonly string[], exec: Exec, formatCommand: string): Promise<string | undefined> {
  if (paths.length === 0) return undefined;
  const prettier = join(dir, "node_modules", ".bin", "prettier");
  if (!existsSync(prettier)) return `imports were rewritten in ${paths.length} file(s) of yours; \`${formatCommand}\` formats them after the install`;
  const result = await exec(prettier, ["--write", "--log-level", "warn", "--", ...paths], { cwd: dir, timeoutMs: 60_000 });
  return result.ok ? undefined : `prettier could not format ${paths.join(", ")}: ${result.reason}; run \`${formatCommand}\``;
}
