import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../src/errors.js";
import { MANIFEST_PATH } from "../src/manifest.js";
import { applyPlan } from "../src/upgrade/apply-plan.js";
import type { PlannedFile } from "../src/upgrade/plan.js";
import { snapshotDir, tempDir } from "./helpers.js";

const B = (text: string) => Buffer.from(text);
const file = (path: string, action: PlannedFile["action"], extra: Partial<PlannedFile> = {}): PlannedFile => ({ path, action, notes: [], ...extra });

function app(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "lib/old"), { recursive: true });
  writeFileSync(join(dir, "a.ts"), "a\n");
  writeFileSync(join(dir, "run.sh"), "echo\n", { mode: 0o755 });
  chmodSync(join(dir, "run.sh"), 0o755);
  writeFileSync(join(dir, "lib/old/gone.ts"), "gone\n");
  writeFileSync(join(dir, "mine.ts"), "mine\n");
  writeFileSync(join(dir, MANIFEST_PATH), "{}\n");
  return dir;
}

describe("applyPlan", () => {
  it("replaces, adds, deletes (pruning emptied folders), writes .upgrade files and the manifest", async () => {
    const dir = app();
    const written = await applyPlan(
      dir,
      [
        file("a.ts", "update", { contents: B("a2\n") }),
        file("run.sh", "merge", { contents: B("echo 2\n") }),
        file("lib/new/added.ts", "add", { contents: B("added\n") }),
        file("lib/old/gone.ts", "delete"),
        file("mine.ts", "side-by-side", { sidecar: B("ours\n") }),
        file("kept.ts", "keep"),
      ],
      B('{"new":true}\n'),
    );
    expect(written).toBe(6);
    const after = snapshotDir(dir);
    expect(Object.keys(after).sort()).toEqual(["a.ts", MANIFEST_PATH, "lib/", "lib/new/", "lib/new/added.ts", "mine.ts", "mine.ts.upgrade", "run.sh"]);
    expect(readFileSync(join(dir, "a.ts"), "utf8")).toBe("a2\n");
    expect(readFileSync(join(dir, "mine.ts"), "utf8")).toBe("mine\n");
    expect(readFileSync(join(dir, "mine.ts.upgrade"), "utf8")).toBe("ours\n");
    expect(readFileSync(join(dir, MANIFEST_PATH), "utf8")).toBe('{"new":true}\n');
    expect(statSync(join(dir, "run.sh")).mode & 0o777).toBe(0o755);
  });

  it("puts every file back as it was when a write fails half-way", async () => {
    const dir = app();
    writeFileSync(join(dir, "blocker"), "a file where a folder must go\n");
    const before = snapshotDir(dir);
    const run = applyPlan(
      dir,
      [
        file("a.ts", "update", { contents: B("a2\n") }),
        file("lib/old/gone.ts", "delete"),
        file("blocker/added.ts", "add", { contents: B("added\n") }),
      ],
      B("{}\n"),
    );
    await expect(run).rejects.toBeInstanceOf(CliError);
    await expect(run).rejects.toMatchObject({ code: "WRITE_FAILED" });
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("refuses to replace a file through a symbolic-link folder, and puts back what it did", async () => {
    const dir = app();
    const outside = tempDir();
    writeFileSync(join(outside, "x.ts"), "outside\n");
    const { symlinkSync } = await import("node:fs");
    symlinkSync(outside, join(dir, "linked"));
    const run = applyPlan(dir, [file("a.ts", "update", { contents: B("a2\n") }), file("linked/x.ts", "update", { contents: B("through\n") })], B("{}\n"));
    await expect(run).rejects.toMatchObject({ code: "WRITE_FAILED" });
    expect(readFileSync(join(outside, "x.ts"), "utf8")).toBe("outside\n");
    expect(readFileSync(join(dir, "a.ts"), "utf8")).toBe("a\n");
  });
});
