import { existsSync, lstatSync, mkdirSync, readlinkSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CliError } from "./errors.js";

/** How `writeTree` treats particular files. */
export interface WriteOptions {
  /** Relative paths written readable by the owner only (secrets such as `.env.local`). */
  privatePaths?: ReadonlySet<string>;
}

/**
 * Write a file tree under `root` without ever replacing anything: every file is
 * created with `wx`, so a file that appears after the conflict check (a race, a
 * second run) stops the write instead of being overwritten. On failure, only what
 * this call created is removed again, and a `CliError("WRITE_FAILED")` names the file.
 *
 * Synchronous on purpose: a project is ~100 small files, and three thread-pool
 * round trips per file (open, write, close) cost more than the writes — about
 * a quarter of a scaffold's time (scripts/bench, section 1).
 */
export async function writeTree(
  root: string,
  files: Iterable<[string, Buffer | string]>,
  options: WriteOptions = {},
): Promise<number> {
  const createdFiles: string[] = [];
  const createdDirs: string[] = [];
  let current = "";
  try {
    for (const [path, contents] of files) {
      current = path;
      const target = join(root, path);
      makeDirs(dirname(target), createdDirs);
      const mode = options.privatePaths?.has(path) ? 0o600 : 0o644;
      writeFileSync(target, contents, { flag: "wx", mode });
      createdFiles.push(target);
    }
  } catch (error) {
    undo(createdFiles, createdDirs);
    const err = error as NodeJS.ErrnoException;
    const why = err.code === "EEXIST" ? whatAppeared(err.path) : err.message;
    throw new CliError("WRITE_FAILED", `could not write ${current}: ${why}. Nothing else was left behind.`);
  }
  return createdFiles.length;
}

/**
 * Why a create failed with EEXIST, in words: a (broken) symbolic link is named
 * with its target, since "it appeared" would be wrong for a link that was there
 * all along but points nowhere, and `existsSync` does not see it.
 */
function whatAppeared(path: string | undefined): string {
  try {
    if (path && lstatSync(path).isSymbolicLink()) {
      const target = readlinkSync(path);
      const missing = existsSync(path) ? "" : ", which does not exist,";
      return `${path} is a symbolic link to ${target}${missing} and was left untouched`;
    }
  } catch {
    // Gone again: fall back to the general message.
  }
  return "it appeared while writing and was left untouched";
}

/** `mkdir -p` that remembers which directories it made, outermost first. */
function makeDirs(dir: string, created: string[]): void {
  if (existsSync(dir)) return;
  makeDirs(dirname(dir), created);
  mkdirSync(dir);
  created.push(dir);
}

function ignoreErrors(action: () => void): void {
  try {
    action();
  } catch {
    // Best effort: undo must never hide the error that made it necessary.
  }
}

function undo(files: string[], dirs: string[]): void {
  for (const file of files) ignoreErrors(() => unlinkSync(file));
  // rmdir, not rm -r: a directory that gained other content meanwhile stays.
  for (const dir of [...dirs].reverse()) ignoreErrors(() => rmdirSync(dir));
}
