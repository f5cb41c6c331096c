import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatRewritten } from "../src/upgrade/format-rewritten.js";
import { failed, fakeExec, ok, tempDir } from "./helpers.js";

function appWithPrettier(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "node_modules/.bin"), { recursive: true });
  writeFileSync(join(dir, "node_modules/.bin/prettier"), "");
  return dir;
}

describe("formatRewritten", () => {
  it("runs the app's own Prettier on the rewritten files", async () => {
    const dir = appWithPrettier();
    const { exec, calls } = fakeExec(() => ok());
    expect(await formatRewritten(dir, ["app/a.tsx", "app/b.tsx"], exec, "pnpm format")).toBeUndefined();
    expect(calls).toEqual([`${join(dir, "node_modules/.bin/prettier")} --write --log-level warn -- app/a.tsx app/b.tsx`]);
  });

  it("says what to run when Prettier is not installed (--no-install)", async () => {
    const { exec, calls } = fakeExec(() => ok());
    expect(await formatRewritten(tempDir(), ["app/a.tsx"], exec, "pnpm format")).toMatch(/`pnpm format` formats them/);
    expect(calls).toEqual([]);
  });

  it("says what to run when Prettier fails", async () => {
    const { exec } = fakeExec(() => failed("SyntaxError"));
    expect(await formatRewritten(appWithPrettier(), ["app/a.tsx"], exec, "npm run format")).toMatch(/could not format app\/a\.tsx.*`npm run format`/);
  });

  it("does nothing without rewritten files", async () => {
    const { exec, calls } = fakeExec(() => ok());
    expect(await formatRewritten(appWithPrettier(), [], exec, "pnpm format")).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
