import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { CliError } from "../errors.js";
import { MANIFEST_PATH } from "../manifest.js";
import { writeTree } from "../write-tree.js";
import { SIDECAR_SUFFIX, type PlannedFile } from "./plan.js";

/** A file as it was before this run changed it, to put back on failure. */
interface Undo {
  path: string;
  previous: { bytes: Buffer; mode: number } | undefined;
}

let sequence = 0;

/**
 * Replace (or create) one file without following a symbolic link: every parent
 * must be a real folder (missing ones are made and recorded in `createdDirs`) and
 * the file itself a regular file or absent. The bytes go to a new temporary file
 * beside it first (created with `wx`), then take its place with one rename, so a
 * crash leaves the old file or the new one, never half of one.
 */
function replaceFile(root: string, path: string, bytes: Buffer, mode: number, createdDirs: string[] = []): void {
  const segments = path.split("/");
  let current = root;
  for (const segment of segments.slice(0, -1)) {
    current = join(current, segment);
    const stats = lstatSync(current, { throwIfNoEntry: false });
    if (!stats) {
      mkdirSync(current);
      createdDirs.push(current);
    } else if (!stats.isDirectory()) {
      throw new Error(`${posix.dirname(path)} is not a folder (a symbolic link?)`);
    }
  }
  const target = join(root, path);
  const stats = lstatSync(target, { throwIfNoEntry: false });
  if (stats && !stats.isFile()) throw new Error("it is not a regular file");
  const temporary = join(dirname(target), `.${segments.at(-1)}.cnja-${process.pid}-${sequence++}`);
  writeFileSync(temporary, bytes, { flag: "wx", mode });
  try {
    renameSync(temporary, target);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}

function readPrevious(root: string, path: string): Undo["previous"] {
  const target = join(root, path);
  const stats = lstatSync(target, { throwIfNoEntry: false });
  if (!stats?.isFile()) return undefined;
  return { bytes: readFileSync(target), mode: stats.mode & 0o777 };
}

/** Remove folders that a deletion left empty, up to (not including) the app's root. */
function pruneEmptyFolders(root: string, path: string): void {
  for (let dir = posix.dirname(path); dir !== "."; dir = posix.dirname(dir)) {
    const full = join(root, dir);
    try {
      if (readdirSync(full).length > 0) return;
      rmdirSync(full);
    } catch {
      return;
    }
  }
}

function undoAll(root: string, done: Undo[], createdDirs: readonly string[]): void {
  for (const { path, previous } of [...done].reverse()) {
    try {
      if (previous) replaceFile(root, path, previous.bytes, previous.mode);
      else unlinkSync(join(root, path));
    } catch {
      // Best effort: putting back must never hide the error that made it necessary.
    }
  }
  // rmdir, not rm -r: a folder that gained other content meanwhile stays.
  for (const dir of [...createdDirs].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty or gone: leave it.
    }
  }
}

/**
 * Carry out a plan computed in full beforehand: replace updated, merged and
 * conflicting files (keeping their mode), delete dropped ones, rewrite the
 * manifest, and create added files and `.upgrade` files with the create-only
 * writer of a new project (`writeTree`). Any failure puts every file back as it
 * was and throws `CliError("WRITE_FAILED")`. Returns how many paths were written or deleted.
 */
export async function applyPlan(root: string, plan: readonly PlannedFile[], manifest: Buffer): Promise<number> {
  const done: Undo[] = [];
  const createdDirs: string[] = [];
  let current = "";
  const created: [string, Buffer][] = [];
  try {
    for (const file of plan) {
      current = file.path;
      if (file.action === "add" && file.contents) {
        created.push([file.path, file.contents]);
      } else if (file.contents) {
        const previous = readPrevious(root, file.path);
        done.push({ path: file.path, previous });
        replaceFile(root, file.path, file.contents, previous?.mode ?? 0o644, createdDirs);
      } else if (file.action === "delete") {
        const previous = readPrevious(root, file.path);
        if (!previous) continue;
        done.push({ path: file.path, previous });
        unlinkSync(join(root, file.path));
      }
      if (file.sidecar) created.push([`${file.path}${SIDECAR_SUFFIX}`, file.sidecar]);
    }
    current = MANIFEST_PATH;
    const previous = readPrevious(root, MANIFEST_PATH);
    done.push({ path: MANIFEST_PATH, previous });
    replaceFile(root, MANIFEST_PATH, manifest, previous?.mode ?? 0o644);
  } catch (error) {
    undoAll(root, done, createdDirs);
    throw new CliError("WRITE_FAILED", `could not write ${current}: ${(error as Error).message}. Every file was put back as it was.`);
  }
  try {
    await writeTree(root, created);
  } catch (error) {
    undoAll(root, done, createdDirs);
    throw error instanceof CliError
      ? new CliError(error.code, `${error.message.replace(/ Nothing else was left behind\.$/, "")} Every file was put back as it was.`)
      : error;
  }
  for (const file of plan) if (file.action === "delete") pruneEmptyFolders(root, file.path);
  return done.length + created.length;
}
