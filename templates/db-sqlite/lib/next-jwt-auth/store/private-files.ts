// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname } from "node:path";

/** Files SQLite keeps next to the database (WAL, shared memory, rollback journal). */
const SIDE_FILES = ["-wal", "-shm", "-journal"];

/**
 * Before SQLite opens `filename`: its folder is created readable by the owner
 * only (0700), and the file itself is created empty with 0600, so it is never
 * readable by others, not even for a moment. SQLite gives its -wal and -shm
 * files the database file's mode. The file holds names, e-mails, user agents
 * and encrypted tokens. Driver-agnostic: plain fs calls around the open.
 */
export function createPrivateDatabaseFile(filename: string): void {
  mkdirSync(dirname(filename), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(filename, "wx", 0o600));
  } catch {
    // Already there (the usual case; tightened below), or not creatable here
    // (a read-only mount): SQLite's own open then says what is wrong.
  }
  restrictDatabaseFiles(filename);
}

/**
 * Make the database file and its side files owner-only (0600) where they are
 * wider, e.g. made by an earlier version of this app. Call again after
 * opening, when the -wal and -shm files exist. Best effort: a file this
 * process may not change (another owner, a read-only mount) is left as it is,
 * and SQLite reports what it cannot do with it.
 */
export function restrictDatabaseFiles(filename: string): void {
  for (const path of [filename, ...SIDE_FILES.map((suffix) => `${filename}${suffix}`)]) {
    try {
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    } catch {
      // Missing, or not ours to change: see above.
    }
  }
}
