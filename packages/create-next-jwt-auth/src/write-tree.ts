import { existsSync } from "node:fs";
import { mkdir, rmdir, unlink, writeFile } from "node:fs/promises";
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
      await makeDirs(dirname(target), createdDirs);
      const mode = options.privatePaths?.has(path) ? 0o600 : 0o644;
      await writeFile(target, contents, { flag: "wx", mode });
      createdFiles.push(target);
    }
  } catch (error) {
    await undo(createdFiles, createdDirs);
    const err = error as NodeJS.ErrnoException;
    const why = err.code === "EEXIST" ? "it appeared while writing and was left untouched" : err.message;
    throw new CliError("WRITE_FAILED", `could not write ${current}: ${why}. Nothing else was left behind.`);
  }
  return createdFiles.length;
}

/** `mkdir -p` that remembers which directories it made, outermost first. */
async function makeDirs(dir: string, created: string[]): Promise<void> {
  if (existsSync(dir)) return;
  await makeDirs(dirname(dir), created);
  await mkdir(dir);
  created.push(dir);
}

async function undo(files: string[], dirs: string[]): Promise<void> {
  for (const file of files) await unlink(file).catch(() => undefined);
  // rmdir, not rm -r: a directory that gained other content meanwhile stays.
  for (const dir of [...dirs].reverse()) await rmdir(dir).catch(() => undefined);
}
