import { INITIAL_COMMIT_MESSAGE } from "../git.js";
import { fileHash } from "../manifest.js";
import type { FileTree } from "../render.js";
import { git, gitText, readBlobs } from "./git-read.js";

/** Object ids in `git log --raw` lines (`:100644 100644 <old> <new> M`), SHA-1 or SHA-256 repositories. */
const RAW_LINE = /:\d{6} \d{6} ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) /g;
const NULL_ID = /^0+$/;

/**
 * For each path, the bytes of a blob anywhere in the history of HEAD, at any of
 * the wanted paths, whose `sha256-` hash is the wanted one: the manifest names the
 * contents the generator wrote, and the commit that holds them (the initial one,
 * or the one that recorded an earlier upgrade) gives them back. Paths whose
 * contents are not in the history are left out. `dir` may be a sub-folder of the
 * repository; paths are relative to it.
 */
export async function blobsByHash(dir: string, wanted: ReadonlyMap<string, string>): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (wanted.size === 0) return found;
  const log = await git(dir, ["log", "--raw", "--no-abbrev", "--no-renames", "-m", "--root", "--format=", "HEAD", "--", ...pathspecs(wanted.keys())]);
  if (!log.ok) return found;
  const ids = new Set<string>();
  for (const match of log.stdout.toString("utf8").matchAll(RAW_LINE)) {
    for (const id of [match[1]!, match[2]!]) if (!NULL_ID.test(id)) ids.add(id);
  }
  const byHash = new Map<string, Buffer>();
  for (const bytes of (await readBlobs(dir, ids)).values()) byHash.set(fileHash(bytes), bytes);
  for (const [path, hash] of wanted) {
    const bytes = byHash.get(hash);
    if (bytes) found.set(path, bytes);
  }
  return found;
}

/** Literal pathspecs: a generated name such as `[...nextauth]` must not be read as a glob. */
function pathspecs(paths: Iterable<string>): string[] {
  return [...paths].map((path) => `:(literal)${path}`);
}

/**
 * The files of the commit create-next-jwt-auth made when it generated the app
 * (message `INITIAL_COMMIT_MESSAGE`), relative to `dir`. The oldest such commit
 * wins: a later commit may repeat the message (a re-generated app, a squash).
 * Undefined when there is no such commit (generated with `--no-git`, inside a
 * monorepo, or the history was rewritten).
 */
export async function initialCommitFiles(dir: string): Promise<{ commit: string; files: FileTree } | undefined> {
  const escaped = INITIAL_COMMIT_MESSAGE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const list = await gitText(dir, ["rev-list", "--reverse", "-E", `--grep=^${escaped}$`, "HEAD"]);
  const commit = list?.split("\n").find((line) => line.trim() !== "");
  if (!commit) return undefined;
  const prefix = (await gitText(dir, ["rev-parse", "--show-prefix"])) ?? "";
  const tree = await git(dir, ["ls-tree", "-r", "-z", "--full-tree", commit]);
  if (!tree.ok) return undefined;
  const entries = new Map<string, string>();
  for (const entry of tree.stdout.toString("utf8").split("\0")) {
    const match = /^(\d{6}) blob ([0-9a-f]{40,64})\t(.+)$/s.exec(entry);
    // Regular files only: a symbolic link (120000) or submodule is nothing the generator writes.
    if (!match || !match[1]!.startsWith("100") || !match[3]!.startsWith(prefix)) continue;
    entries.set(match[3]!.slice(prefix.length), match[2]!);
  }
  const blobs = await readBlobs(dir, entries.values());
  const files: FileTree = new Map();
  for (const [path, id] of entries) {
    const bytes = blobs.get(id);
    if (bytes) files.set(path, bytes);
  }
  return { commit, files };
}
