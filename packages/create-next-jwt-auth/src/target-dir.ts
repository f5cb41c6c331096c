import { readdirSync, statSync } from "node:fs";
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
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  if (!stat.isDirectory()) {
    throw new CliError("TARGET_NOT_EMPTY", `${dir} exists and is not a directory; choose another name.`);
  }
  const written = new Set([...paths].map((path) => path.split("/")[0]!));
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => written.has(entry.name) || !isHarmless(entry.name))
    .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
    .sort();
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
