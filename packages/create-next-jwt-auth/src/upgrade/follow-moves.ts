import { posix } from "node:path";
import type { FileTree } from "../render.js";
import type { AppFile } from "./app-files.js";
import { mergeFile } from "./merge-file.js";
import type { Base } from "./resolve-base.js";
import type { PlannedFile } from "./plan.js";

/** Share of the old file's lines a new file must contain to count as the same file moved. */
const MIN_SIMILARITY = 0.5;

function meaningfulLines(bytes: Buffer): string[] {
  return bytes
    .toString("utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 3);
}

/** The share of `from`'s meaningful lines that `to` has too. */
export function similarity(from: Buffer, to: Buffer): number {
  const lines = meaningfulLines(from);
  if (lines.length === 0) return 0;
  const theirs = new Set(meaningfulLines(to));
  return lines.filter((line) => theirs.has(line)).length / lines.length;
}

/** A generated file the new version moved: where it was, and where it is now. */
export interface Move {
  from: string;
  to: string;
}

/**
 * Files the new version moved (same file name, at least half the lines the same:
 * a version that reorganises folders, as 0.2.0 moved the core into
 * `lib/next-jwt-auth/`): the user's changes to the old path follow the file to the
 * new one. Without this, a patched file would stay behind at its old path as an
 * orphan that imports files which are gone, and the new file would lack the patch.
 *
 * Rewrites the plan: the old path is deleted (its contents carried over) and the
 * new path, planned as `add`, becomes a three-way merge of the user's old file,
 * the old generated file and the new one.
 */
export function followMoves(
  plan: readonly PlannedFile[],
  input: { base: Base; target: FileTree; readUser: (path: string) => AppFile; theirsLabel: string },
): { plan: PlannedFile[]; moves: Move[] } {
  const added = plan.filter((file) => file.action === "add");
  const taken = new Set<string>();
  const moves: Move[] = [];
  const replaced = new Map<string, PlannedFile>();

  const movedFrom = plan.filter((file) => (file.action === "orphan" || file.action === "delete") && input.base.contents.has(file.path));
  for (const old of movedFrom) {
    const base = input.base.contents.get(old.path)!;
    let best: { path: string; score: number } | undefined;
    for (const candidate of added) {
      if (taken.has(candidate.path) || posix.basename(candidate.path) !== posix.basename(old.path)) continue;
      const score = similarity(base, input.target.get(candidate.path)!);
      if (score >= MIN_SIMILARITY && (!best || score > best.score)) best = { path: candidate.path, score };
    }
    if (!best) continue;
    taken.add(best.path);
    moves.push({ from: old.path, to: best.path });
    if (old.action === "delete") continue;

    const user = input.readUser(old.path);
    if (user.kind !== "file") continue;
    const target = input.target.get(best.path)!;
    const merged = mergeFile(best.path, user.bytes, base, target, input.theirsLabel);
    const note = `moved from ${old.path}; your changes there were carried over`;
    if (merged.outcome === "unmergeable") continue;
    replaced.set(best.path, {
      path: best.path,
      action: merged.outcome === "conflict" ? "conflict" : "merge",
      contents: Buffer.from(merged.text),
      notes: [note, ...merged.notes],
    });
    replaced.set(old.path, { path: old.path, action: "delete", notes: [`moved to ${best.path}, with your changes`] });
  }
  return { plan: plan.map((file) => replaced.get(file.path) ?? file), moves };
}
