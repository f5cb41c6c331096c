import type { Exec } from "./exec.js";
import type { Output } from "./io.js";
import type { PackageManager } from "./options.js";
import { installCommand } from "./package-manager.js";
import { startProgress } from "./progress.js";

/** The outcome of installing; a failure is reported, never thrown, because the scaffold stays. */
export type InstallResult =
  | { ok: true; seconds: number }
  | { ok: false; seconds: number; reason: string; outputTail: string[] };

const TAIL_LINES = 25;

/** Run the package manager's install in the new project, with a progress indicator. */
export async function installDependencies(input: {
  dir: string;
  packageManager: PackageManager;
  /** Install the project on its own although it sits inside a pnpm workspace. */
  ignoreWorkspace?: boolean;
  exec: Exec;
  out: Output;
  now?: () => number;
  /** Another install command line (upgrade lets the lockfile change); default `installCommand`. */
  command?: [string, string[]];
}): Promise<InstallResult> {
  const now = input.now ?? Date.now;
  const started = now();
  const [file, args] = input.command ?? installCommand(input.packageManager, { ignoreWorkspace: input.ignoreWorkspace ?? false });
  const progress = startProgress(input.out, `Installing dependencies with ${file}`, now);
  const result = await input.exec(file, args, { cwd: input.dir }).finally(() => progress.stop());
  const seconds = Math.round((now() - started) / 100) / 10;
  if (result.ok) return { ok: true, seconds };
  return {
    ok: false,
    seconds,
    reason: result.reason || `${file} ${args.join(" ")} exited with code ${result.exitCode}`,
    outputTail: result.output ? result.output.split("\n").slice(-TAIL_LINES) : [],
  };
}
