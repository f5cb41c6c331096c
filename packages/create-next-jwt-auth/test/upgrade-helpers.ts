import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, vi } from "vitest";
import { runCli } from "../src/cli.js";
import { INITIAL_COMMIT_MESSAGE } from "../src/git.js";
import { templatesRoot } from "../src/layers.js";
import { MANIFEST_PATH, type ManifestOptions } from "../src/manifest.js";
import type { Stack } from "../src/options.js";
import { projectFiles } from "../src/project-files.js";
import type { PublishedRenderer } from "../src/upgrade/published-render.js";
import { writeTree } from "../src/write-tree.js";
import { cliEnv } from "./helpers.js";

/** Real git, isolated from the machine's configuration (no signing, no hooks), with an identity. */
export function isolateGit(): void {
  beforeEach(() => {
    vi.stubEnv("GIT_CONFIG_GLOBAL", "/dev/null");
    vi.stubEnv("GIT_CONFIG_NOSYSTEM", "1");
    for (const role of ["AUTHOR", "COMMITTER"]) {
      vi.stubEnv(`GIT_${role}_NAME`, "Test User");
      vi.stubEnv(`GIT_${role}_EMAIL`, "test@example.com");
    }
  });
}

export const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

export const SPEC = "pnpm@10.34.9";

/** The options of a test app. */
export function appOptions(stack: Stack, name = "my-app"): ManifestOptions {
  return { name, ...stack, packageManager: "pnpm", packageManagerSpec: SPEC };
}

/**
 * Write an app as `create` does (no install) into `dir` and commit it with the
 * generator's initial commit message. `legacy` drops the manifest, as apps made
 * before it existed have none.
 */
export async function generateApp(dir: string, stack: Stack, options: { legacy?: boolean; commit?: boolean } = {}): Promise<void> {
  const { tree, privatePaths } = projectFiles({
    templatesRoot: templatesRoot(),
    name: "my-app",
    stack,
    packageManager: "pnpm",
    packageManagerSpec: SPEC,
  });
  if (options.legacy) tree.delete(MANIFEST_PATH);
  await writeTree(dir, tree, { privatePaths });
  if (options.commit ?? true) {
    git(dir, "init", "--quiet");
    git(dir, "add", "--all");
    git(dir, "commit", "--quiet", "--message", INITIAL_COMMIT_MESSAGE);
  }
}

/** Edit a file of the app with a function of its text. */
export function edit(dir: string, path: string, change: (text: string) => string): void {
  writeFileSync(join(dir, path), change(readFileSync(join(dir, path), "utf8")));
}

export function remove(dir: string, path: string): void {
  rmSync(join(dir, path));
}

export function commitAll(dir: string, message = "my changes"): void {
  git(dir, "add", "--all");
  git(dir, "commit", "--quiet", "--message", message);
}

/** A published renderer for a registry that does not have the version (today's truth). */
export const notPublished: PublishedRenderer = async (version) => ({ ok: false, reason: `npm pack create-next-jwt-auth@${version} failed: code E404` });

/** Run `create-next-jwt-auth upgrade …` in-process; the registry is never asked. */
export async function runUpgrade(cwd: string, argv: string[], published: PublishedRenderer = notPublished) {
  const { env, stdout, stderr } = cliEnv({ argv: ["upgrade", ...argv], cwd, published });
  const code = await runCli(env);
  return { code, stdout: stdout.text, stderr: stderr.text, output: stdout.text + stderr.text };
}
