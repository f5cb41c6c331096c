import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeTree } from "../src/write-tree.js";
import { snapshotDir, tempDir } from "./helpers.js";

describe("writeTree", () => {
  it("creates nested files with owner-only mode for private paths", async () => {
    const root = join(tempDir(), "new/project");
    const count = await writeTree(root, [["a/b/c.txt", "c"], [".env.local", "S=1"]], { privatePaths: new Set([".env.local"]) });
    expect(count).toBe(2);
    expect(readFileSync(join(root, "a/b/c.txt"), "utf8")).toBe("c");
    expect(statSync(join(root, ".env.local")).mode & 0o777).toBe(0o600);
  });

  it("never overwrites a file that appeared after the conflict check, and removes only what it wrote", async () => {
    const root = tempDir();
    mkdirSync(join(root, "lib"));
    writeFileSync(join(root, "lib/raced.ts"), "the user's");
    const before = snapshotDir(root);
    await expect(
      writeTree(root, [["app/page.tsx", "p"], ["lib/new.ts", "n"], ["lib/raced.ts", "ours"], ["z.ts", "z"]]),
    ).rejects.toMatchObject({ code: "WRITE_FAILED", message: expect.stringMatching(/lib\/raced\.ts.*left untouched/) });
    expect(snapshotDir(root)).toEqual(before);
    expect(existsSync(join(root, "app"))).toBe(false);
  });
});

describe("writeTree into a broken symbolic link", () => {
  it("names the link and where it points instead of saying the file appeared", async () => {
    const root = join(tempDir(), "app");
    symlinkSync("/nonexistent/x", root);
    await expect(writeTree(root, [[".env.example", "A=1"]])).rejects.toMatchObject({
      code: "WRITE_FAILED",
      message: `could not write .env.example: ${root} is a symbolic link to /nonexistent/x, which does not exist, and was left untouched. Nothing else was left behind.`,
    });
  });
});
