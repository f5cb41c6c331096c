import { lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { CliError } from "../src/errors.js";
import { assertTargetFree, targetConflicts } from "../src/target-dir.js";
import { cliEnv, tempDir } from "./helpers.js";

const FLAGS = ["--backend", "rest", "--session", "jwt", "--no-install", "--no-git"];

/** The CliError `run` throws. */
function thrown(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("expected a CliError");
}

describe("targetConflicts on what stands where the project would go", () => {
  it("names a target that is a broken symbolic link, and where it points, with a stable code", () => {
    const root = tempDir();
    symlinkSync("/nonexistent/elsewhere", join(root, "app"));
    const error = thrown(() => targetConflicts(join(root, "app"), []));
    expect(error.code).toBe("TARGET_BROKEN_LINK");
    expect(error.message).toBe(
      `${join(root, "app")} is a symbolic link to /nonexistent/elsewhere, which does not exist; nothing was written. Remove the link or choose another directory.`,
    );
  });

  it("names a broken symbolic link further up the target's path", () => {
    const root = tempDir();
    symlinkSync(join(root, "gone"), join(root, "apps"));
    const error = thrown(() => targetConflicts(join(root, "apps", "@acme", "portal"), []));
    expect(error.code).toBe("TARGET_BROKEN_LINK");
    expect(error.message).toContain(`${join(root, "apps")} is a symbolic link to ${join(root, "gone")}`);
  });

  it("names a file in the target's path instead of failing with ENOTDIR", () => {
    const root = tempDir();
    writeFileSync(join(root, "notes"), "x");
    const error = thrown(() => targetConflicts(join(root, "notes", "app"), []));
    expect(error.code).toBe("TARGET_NOT_EMPTY");
    expect(error.message).toBe(`${join(root, "notes")} exists and is not a directory; choose another name.`);
  });

  it("accepts a missing target below a symbolic link to a real directory", () => {
    const root = tempDir();
    mkdirSync(join(root, "real"));
    symlinkSync(join(root, "real"), join(root, "link"));
    expect(targetConflicts(join(root, "link", "app"), [])).toEqual([]);
  });

  it("lists a broken symbolic link inside the target whose name the project writes, with where it points", () => {
    const root = tempDir();
    symlinkSync("/nowhere/env", join(root, ".env.local"));
    symlinkSync("/nowhere/license", join(root, "LICENSE"));
    const error = thrown(() => assertTargetFree(root, "app", [".env.local", "package.json"]));
    expect(error.code).toBe("TARGET_NOT_EMPTY");
    // LICENSE is harmless and not written by the project: it may stay, link or not.
    expect(error.details).toEqual([".env.local (symbolic link to /nowhere/env, which does not exist)"]);
  });
});

describe("the CLI with a broken symbolic link as target", () => {
  it("exits 1 naming the link and writes nothing", async () => {
    const cwd = tempDir();
    symlinkSync("/nonexistent/x", join(cwd, "shop"));
    const { env, stderr } = cliEnv({ argv: ["shop", ...FLAGS], cwd });
    expect(await runCli(env)).toBe(1);
    expect(stderr.text).toContain("is a symbolic link to /nonexistent/x, which does not exist");
    expect(stderr.text).not.toMatch(/appeared while writing/);
    expect(readdirSync(cwd)).toEqual(["shop"]);
    expect(lstatSync(join(cwd, "shop")).isSymbolicLink()).toBe(true);
  });
});
