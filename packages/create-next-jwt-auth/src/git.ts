import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { Exec } from "./exec.js";

/** The message of the first commit, as create-next-app words it. */
export const INITIAL_COMMIT_MESSAGE = "Initial commit from create-next-jwt-auth";

/** What happened to version control; only `committed` leaves a `.git` behind. */
export type GitResult =
  | { status: "committed" }
  | { status: "skipped"; reason: string }
  | { status: "failed"; reason: string };

/**
 * `git init`, add everything and make the initial commit, as create-next-app does.
 * Skipped inside an existing work tree (a monorepo) or when a `.git` is already
 * there. When a step fails (no git, no user.name, a signing hook), the `.git` this
 * call made is removed so the user is left with a plain, usable project rather than
 * a repository with no commits.
 */
export async function initGitRepository(
  dir: string,
  exec: Exec,
  options: {
    /**
     * Paths never to commit, whatever the .gitignore says: a template whose ignore
     * rules regress must not put a generated secret into the first commit.
     */
    neverCommit?: readonly string[];
  } = {},
): Promise<GitResult> {
  const gitDir = join(dir, ".git");
  if (existsSync(gitDir)) return { status: "skipped", reason: "the directory already has a .git" };

  const version = await exec("git", ["--version"], { cwd: dir, timeoutMs: 10_000 });
  if (!version.ok) {
    return { status: "skipped", reason: version.notFound ? "git is not installed" : `git does not run: ${version.reason}` };
  }
  const inside = await exec("git", ["rev-parse", "--show-toplevel"], { cwd: dir, timeoutMs: 10_000 });
  if (inside.ok && inside.output) {
    return { status: "skipped", reason: `already inside the git work tree ${inside.output}` };
  }

  const steps: [string, string[]][] = [
    ["init", ["init", "--quiet"]],
    ["add", ["add", "--all"]],
    ...(options.neverCommit?.length
      ? [["rm", ["rm", "--cached", "--quiet", "--ignore-unmatch", "--", ...options.neverCommit]] as [string, string[]]]
      : []),
    ["commit", ["commit", "--quiet", "--message", INITIAL_COMMIT_MESSAGE]],
  ];
  for (const [name, args] of steps) {
    const result = await exec("git", args, { cwd: dir });
    if (!result.ok) {
      await rm(gitDir, { recursive: true, force: true });
      const detail = firstMeaningfulLine(result.output) ?? result.reason;
      return { status: "failed", reason: `git ${name} failed: ${detail}` };
    }
  }
  return { status: "committed" };
}

/** git explains itself on the first non-blank line that is not a hint ("Author identity unknown"). */
function firstMeaningfulLine(output: string): string | undefined {
  return output
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line !== "" && !line.startsWith("hint:") && !line.startsWith("***"));
}
