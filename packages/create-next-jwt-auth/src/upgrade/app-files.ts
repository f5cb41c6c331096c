import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A path of the app as found on disk. `other` is anything upgrade must not write
 * through: a symbolic link (at the path or in a parent folder), a folder, a device.
 */
export type AppFile =
  | { kind: "file"; bytes: Buffer; mode: number }
  | { kind: "absent" }
  | { kind: "other"; what: string };

/**
 * Read one relative POSIX path under `root` without following symbolic links
 * anywhere on the way: every parent segment must be a real folder. A link could
 * otherwise make upgrade read (and later write) a file outside the app.
 */
export function readAppFile(root: string, path: string): AppFile {
  const segments = path.split("/");
  let current = root;
  for (const [index, segment] of segments.entries()) {
    current = join(current, segment);
    let stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") {
        return { kind: "absent" };
      }
      throw error;
    }
    const last = index === segments.length - 1;
    if (stats.isSymbolicLink()) return { kind: "other", what: `${segments.slice(0, index + 1).join("/")} is a symbolic link` };
    if (!last && !stats.isDirectory()) return { kind: "other", what: `${segments.slice(0, index + 1).join("/")} is not a folder` };
    if (last && !stats.isFile()) return { kind: "other", what: stats.isDirectory() ? "it is a folder" : "it is not a regular file" };
    if (last) return { kind: "file", bytes: readFileSync(current), mode: stats.mode & 0o777 };
  }
  return { kind: "absent" };
}

/** The text of a regular file of the app, or undefined when there is none. */
export function readAppText(root: string, path: string): string | undefined {
  const file = readAppFile(root, path);
  return file.kind === "file" ? file.bytes.toString("utf8") : undefined;
}
