import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { execaExec } from "../src/exec.js";
import { INITIAL_COMMIT_MESSAGE, initGitRepository } from "../src/git.js";
import { templatesRoot } from "../src/layers.js";
import { projectFiles } from "../src/project-files.js";
import { writeTree } from "../src/write-tree.js";
import { snapshotDir, tempDir } from "./helpers.js";

// Real git, isolated from the machine's configuration (no signing, no hooks), with
// an identity from the environment as a user with user.name set would have.
beforeEach(() => {
  vi.stubEnv("GIT_CONFIG_GLOBAL", "/dev/null");
  vi.stubEnv("GIT_CONFIG_NOSYSTEM", "1");
  for (const role of ["AUTHOR", "COMMITTER"]) {
    vi.stubEnv(`GIT_${role}_NAME`, "Test User");
    vi.stubEnv(`GIT_${role}_EMAIL`, "test@example.com");
  }
});

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

async function writeProject(dir: string) {
  const { tree, privatePaths } = projectFiles({
    templatesRoot: templatesRoot(),
    name: "git-app",
    stack: { backend: "rest", session: "jwt", db: undefined },
    packageManager: "npm",
    packageManagerSpec: undefined,
  });
  await writeTree(dir, tree, { privatePaths });
}

describe("initGitRepository with real git", () => {
  it("commits every generated file except the git-ignored .env.local", async () => {
    const dir = join(tempDir(), "app");
    await writeProject(dir);
    expect(await initGitRepository(dir, execaExec)).toEqual({ status: "committed" });
    expect(git(dir, "log", "--format=%s")).toBe(INITIAL_COMMIT_MESSAGE);
    const tracked = git(dir, "ls-files").split("\n");
    expect(tracked).toEqual(expect.arrayContaining(["package.json", ".gitignore", ".env.example"]));
    expect(tracked).not.toContain(".env.local");
    expect(git(dir, "status", "--porcelain")).toBe("");
  });

  it("never commits a private file, even when .gitignore does not ignore it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
    writeFileSync(join(dir, ".env.local"), "NEXTAUTH_SECRET=x\n");
    writeFileSync(join(dir, "package.json"), "{}\n");
    expect(await initGitRepository(dir, execaExec, { neverCommit: [".env.local"] })).toEqual({ status: "committed" });
    expect(git(dir, "ls-files").split("\n").sort()).toEqual([".gitignore", "package.json"]);
    expect(existsSync(join(dir, ".env.local"))).toBe(true);
  });

  it("leaves a project inside an existing work tree alone", async () => {
    const outer = tempDir();
    git(outer, "init", "--quiet");
    const dir = join(outer, "packages/app");
    await writeProject(dir);
    const result = await initGitRepository(dir, execaExec);
    expect(result).toMatchObject({ status: "skipped" });
    expect(existsSync(join(dir, ".git"))).toBe(false);
  });

  it("never touches a .git that was already there", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, ".git/marker"), "mine");
    const before = snapshotDir(dir);
    expect(await initGitRepository(dir, execaExec)).toEqual({ status: "skipped", reason: "the directory already has a .git" });
    expect(snapshotDir(dir)).toEqual(before);
  });
});
