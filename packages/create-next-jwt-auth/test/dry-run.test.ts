import { describe, expect, it } from "vitest";
import { dryRunText } from "../src/dry-run.js";
import { createStyle } from "../src/style.js";
import { MemoryOutput } from "../src/io.js";

const style = createStyle(new MemoryOutput(false), {});
const tree = new Map([
  [".env.local", Buffer.from("NEXTAUTH_SECRET=very-secret\n")],
  ["package.json", Buffer.from("{}\n")],
]);

describe("dryRunText", () => {
  const cases: [string, string | undefined, boolean, string][] = [
    ["names the install and git steps", "pnpm install", true, "Then: pnpm install, git init and commit."],
    ["names the workspace-safe install", "pnpm install --ignore-workspace", false, "Then: pnpm install --ignore-workspace, no git."],
    ["says when nothing follows", undefined, false, "Then: no install, no git."],
  ];
  it.each(cases)("%s", (_name, installCommand, git, expected) => {
    const text = dryRunText({ name: "app", dir: "/x/app", tree, privatePaths: new Set([".env.local"]), installCommand, git, reproduce: "npx c app --yes" }, style);
    expect(text.split("\n")).toContain(expected);
  });

  it("lists every path and never a file's contents", () => {
    const text = dryRunText({ name: "app", dir: "/x/app", tree, privatePaths: new Set([".env.local"]), installCommand: undefined, git: false, reproduce: "npx c app --yes" }, style);
    expect(text).toContain("  .env.local  (generated secret, not shown)\n  package.json\n");
    expect(text).not.toContain("very-secret");
    expect(text).toContain("Nothing was written.");
    expect(text).toContain("  npx c app --yes");
  });
});
