import { posix } from "node:path";
import type { FileTree } from "../render.js";
import type { AppFile } from "./app-files.js";
import { mergeFile } from "./merge-file.js";
import type { Base } from "./resolve-base.js";
import type { PlannedFile } from "./plan.js";

/** Share of the old file's lines a new file of the same name must contain to count as it, moved. */
const SAME_NAME_SIMILARITY = 0.5;
/** The share for a new file of another name (renamed and moved); measured moves score 0.85+, unrelated files under 0.3. */
const RENAMED_SIMILARITY = 0.8;
/** A renamed file needs this many meaningful lines, so two tiny files never look alike. */
const RENAMED_MIN_LINES = 5;

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
 * Files the new version moved: a dropped file and an added one with the same name
 * and at least half the lines the same, or another name and 80% (a version that
 * reorganises folders, as 0.2.0 moved the core into `lib/next-jwt-auth/` and
 * renamed `lib/auth/session.ts` to `session/server-session.ts`). The user's changes
 * to the old path follow the file to the new one. Without this, a patched file would stay behind at its old path as an
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
  // Every plausible pair, best first, then taken greedily: each old and new file moves once.
  const pairs: { from: PlannedFile; to: string; score: number }[] = [];
  for (const old of movedFrom) {
    const base = input.base.contents.get(old.path)!;
    for (const candidate of added) {
      const sameName = posix.basename(candidate.path) === posix.basename(old.path);
      if (!sameName && meaningfulLines(base).length < RENAMED_MIN_LINES) continue;
      const score = similarity(base, input.target.get(candidate.path)!);
      if (score >= (sameName ? SAME_NAME_SIMILARITY : RENAMED_SIMILARITY)) pairs.push({ from: old, to: candidate.path, score: score + (sameName ? 1 : 0) });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const movedAway = new Set<string>();
  for (const { from: old, to } of pairs) {
    if (taken.has(to) || movedAway.has(old.path)) continue;
    taken.add(to);
    movedAway.add(old.path);
    const best = { path: to };
    const base = input.base.contents.get(old.path)!;
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
