import { readdirSync } from "node:fs";
import { join } from "node:path";
import { git } from "./git-read.js";

/** Folders that are never the user's source: dependencies, build output, version control. */
const SKIPPED = new Set(["node_modules", ".git", ".next", "test-results", "playwright-report", ".data"]);

/**
 * Every file of the app that git tracks or would track (not ignored), relative to
 * `dir`; outside git, every file under `dir` but dependency and build folders.
 */
export async function appSourceFiles(dir: string): Promise<string[]> {
  const listed = await git(dir, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
  if (listed.ok) return listed.stdout.toString("utf8").split("\0").filter((path) => path !== "");
  const out: string[] = [];
  const walk = (prefix: string) => {
    for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  walk("");
  return out;
}
