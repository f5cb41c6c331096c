import { CliError } from "../errors.js";
import { gitText } from "./git-read.js";

/** What the work-tree check found when it let the run go on. */
export type TreeState = "clean" | "dirty, allowed" | "not in git, allowed";

const SHOWN = 10;

/**
 * Refuse to upgrade over uncommitted work: with a clean tree, `git diff` shows
 * exactly what the upgrade did and `git checkout .` undoes it. Only the app's own
 * folder counts (`-- .`), so an app inside a monorepo is not blocked by its
 * neighbours. `--allow-dirty` lets a dirty tree, or no git at all, through.
 */
export async function checkCleanTree(dir: string, allowDirty: boolean): Promise<TreeState> {
  const inside = await gitText(dir, ["rev-parse", "--is-inside-work-tree"]);
  if (inside !== "true") {
    if (allowDirty) return "not in git, allowed";
    throw new CliError("UPGRADE_NO_GIT", `${dir} is not in a git work tree, so an upgrade could not be reviewed or undone.`, [
      "Commit the app to git first (git init && git add -A && git commit -m 'Before upgrade'),",
      "or run again with --allow-dirty to upgrade it anyway.",
    ]);
  }
  const status = (await gitText(dir, ["status", "--porcelain", "--untracked-files=all", "--", "."])) ?? "";
  const lines = status.split("\n").filter((line) => line.trim() !== "");
  if (lines.length === 0) return "clean";
  if (allowDirty) return "dirty, allowed";
  throw new CliError("UPGRADE_DIRTY", `the app has ${lines.length} uncommitted change(s); commit or stash them first, so the upgrade can be reviewed with git diff.`, [
    ...lines.slice(0, SHOWN).map((line) => line.trim()),
    ...(lines.length > SHOWN ? [`… and ${lines.length - SHOWN} more`] : []),
    "Or run again with --allow-dirty.",
  ]);
}
