import { existsSync, lstatSync, readdirSync, readlinkSync, statSync, type Dirent } from "node:fs";
import { dirname, join } from "node:path";
import { CliError } from "./errors.js";

/**
 * Entries a fresh repository or editor commonly leaves behind, which a new project
 * may sit next to (create-next-app's list). A name the project itself would write
 * is a conflict even when it is listed here, because nothing is ever overwritten.
 */
export const HARMLESS_ENTRIES: readonly string[] = [
  ".DS_Store",
  ".git",
  ".gitattributes",
  ".gitlab-ci.yml",
  ".hg",
  ".hgcheck",
  ".hgignore",
  ".idea",
  ".npmignore",
  ".travis.yml",
  ".vscode",
  "LICENSE",
  "Thumbs.db",
  "docs",
  "mkdocs.yml",
  "npm-debug.log",
  "yarn-debug.log",
  "yarn-error.log",
  "README.md",
];

function isHarmless(entry: string): boolean {
  return HARMLESS_ENTRIES.includes(entry) || entry.endsWith(".iml");
}

/**
 * The entries of `dir` that stop us from creating the project there, sorted, with a
 * trailing `/` on directories. Empty when `dir` is missing or holds only harmless
 * entries the project does not write.
 *
 * @param paths Every relative path the project would write.
 */
export function targetConflicts(dir: string, paths: Iterable<string>): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    // Missing: fine, unless what stands in its way is a broken link or a file.
    assertCreatable(dir);
    return [];
  }
  if (!stat.isDirectory()) {
    throw new CliError("TARGET_NOT_EMPTY", `${dir} exists and is not a directory; choose another name.`);
  }
  const written = new Set([...paths].map((path) => path.split("/")[0]!));
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => written.has(entry.name) || !isHarmless(entry.name))
    .map((entry) => entryLabel(dir, entry))
    .sort();
}

/** How a conflicting entry is listed: `name/` for a directory, a link with where it points. */
function entryLabel(dir: string, entry: Dirent): string {
  if (entry.isSymbolicLink()) {
    const path = join(dir, entry.name);
    return `${entry.name} (${linkDescription(path)})`;
  }
  return entry.isDirectory() ? `${entry.name}/` : entry.name;
}

/** "symbolic link to <target>", saying so when the target does not exist. */
function linkDescription(path: string): string {
  const target = readlinkSync(path);
  return `symbolic link to ${target}${existsSync(path) ? "" : ", which does not exist"}`;
}

/**
 * `dir` does not exist: find the nearest part of its path that does. A
 * directory is fine (the project's folders are created below it); a broken
 * symbolic link or a file cannot hold the project, so say which one it is
 * instead of failing later on the first file written.
 */
function assertCreatable(dir: string): void {
  for (let path = dir; ; path = dirname(path)) {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      if (dirname(path) === path) return;
      continue;
    }
    if (stat.isSymbolicLink() && !existsSync(path)) {
      throw new CliError(
        "TARGET_BROKEN_LINK",
        `${path} is a ${linkDescription(path)}; nothing was written. Remove the link or choose another directory.`,
      );
    }
    if (stat.isDirectory() || statSync(path).isDirectory()) return;
    throw new CliError("TARGET_NOT_EMPTY", `${path} exists and is not a directory; choose another name.`);
  }
}

/** Refuse a target with conflicts, naming each one, before anything is written. */
export function assertTargetFree(dir: string, display: string, paths: Iterable<string>): void {
  const conflicts = targetConflicts(dir, paths);
  if (conflicts.length === 0) return;
  throw new CliError(
    "TARGET_NOT_EMPTY",
    `${display} already contains files that could conflict; nothing was written. Choose another directory, or move these away:`,
    conflicts,
  );
}
