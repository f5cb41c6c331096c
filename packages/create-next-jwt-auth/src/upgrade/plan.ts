import type { FileTree } from "../render.js";
import type { AppFile } from "./app-files.js";
import type { Base } from "./resolve-base.js";
import { followMoves, type Move } from "./follow-moves.js";
import { mergeFile } from "./merge-file.js";

/**
 * What upgrade does to one path:
 * - `unchanged`: already what the new version generates (or gone on both sides);
 * - `update`: never changed by the user → replaced by the new version;
 * - `merge`: changed by both → merged cleanly;
 * - `conflict`: changed by both, overlapping → written with conflict markers;
 * - `add`: new in the new version;
 * - `delete`: dropped by the new version, never changed by the user;
 * - `keep`: the user's change, and nothing new from us → left as it is;
 * - `imports`: the user's file, only its imports of files the new version moved
 *   rewritten to their new paths;
 * - `orphan`: dropped by the new version but changed by the user → kept;
 * - `skip`: deleted by the user → not brought back;
 * - `side-by-side`: cannot be merged (no base, binary, a file of the user's) → the
 *   new version is written beside it as `<path>.upgrade`;
 * - `blocked`: not a regular file (a symbolic link, a folder) → not touched.
 */
export type Action =
  | "unchanged"
  | "update"
  | "merge"
  | "conflict"
  | "add"
  | "delete"
  | "keep"
  | "imports"
  | "orphan"
  | "skip"
  | "side-by-side"
  | "blocked";

/** Every action in the order the plan and the summary list them. */
export const ACTIONS: readonly Action[] = [
  "update",
  "merge",
  "conflict",
  "add",
  "delete",
  "keep",
  "imports",
  "orphan",
  "skip",
  "side-by-side",
  "blocked",
  "unchanged",
];

/** Actions that leave the user something to resolve by hand. */
export const NEEDS_ATTENTION: ReadonlySet<Action> = new Set(["conflict", "side-by-side", "blocked"]);

/** The suffix of the file a two-way fallback writes beside the user's. */
export const SIDECAR_SUFFIX = ".upgrade";

/** One path's decision, with everything to write already computed. */
export interface PlannedFile {
  path: string;
  action: Action;
  /** New contents of `path` (update, merge, conflict, add). */
  contents?: Buffer;
  /** Contents of `<path>.upgrade` (side-by-side). */
  sidecar?: Buffer;
  /** Why, in a few words, when the action alone does not say it. */
  notes: string[];
}

/** What the plan is made from. */
export interface PlanInput {
  base: Base;
  /** What the new version generates (no manifest, no `.env.local`). */
  target: FileTree;
  readUser: (path: string) => AppFile;
  /** Names the new version in conflict markers: `create-next-jwt-auth 0.2.0`. */
  theirsLabel: string;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Decide every path of the base and the target, in memory: nothing is read but
 * the app's files and nothing is written. Paths come out sorted. A file the new
 * version moved takes the user's changes along (`followMoves`).
 */
export function planUpgrade(input: PlanInput): PlannedFile[] {
  return planWithMoves(input).plan;
}

/** `planUpgrade`, also saying which generated files moved (for rewriting the user's imports of them). */
export function planWithMoves(input: PlanInput): { plan: PlannedFile[]; moves: Move[] } {
  const paths = new Set([...input.target.keys(), ...(input.base.paths ?? [])]);
  const plan = [...paths].sort(byCodeUnit).map((path) => planFile(path, input));
  return followMoves(plan, input);
}

function planFile(path: string, input: PlanInput): PlannedFile {
  const target = input.target.get(path);
  const inBase = input.base.paths?.has(path) ?? false;
  const base = input.base.contents.get(path);
  const user = input.readUser(path);
  const plan = (action: Action, extra: Partial<PlannedFile> = {}): PlannedFile => ({ path, action, notes: [], ...extra });

  if (user.kind === "other") {
    return target === undefined && !inBase ? plan("unchanged") : plan("blocked", { notes: [`${user.what}: left untouched`] });
  }
  if (target === undefined) {
    if (user.kind === "absent") return plan("unchanged");
    if (base !== undefined && user.bytes.equals(base)) return plan("delete");
    return plan("orphan", {
      notes: [base === undefined ? "no longer generated; kept (whether you changed it is unknown)" : "no longer generated; kept with your changes"],
    });
  }
  if (user.kind === "absent") {
    return inBase ? plan("skip", { notes: ["you deleted it; not brought back"] }) : plan("add", { contents: target });
  }
  if (user.bytes.equals(target)) return plan("unchanged");
  if (base === undefined) {
    const why = inBase ? "changed by you, and the version it was generated from is unknown" : "a file of yours is in the way";
    return plan("side-by-side", { sidecar: target, notes: [why] });
  }
  if (user.bytes.equals(base)) return plan("update", { contents: target });
  if (target.equals(base)) return plan("keep");

  const merged = mergeFile(path, user.bytes, base, target, input.theirsLabel);
  if (merged.outcome === "unmergeable") return plan("side-by-side", { sidecar: target, notes: [merged.why] });
  const contents = Buffer.from(merged.text);
  if (contents.equals(user.bytes)) return plan("keep", { notes: merged.notes });
  return plan(merged.outcome === "conflict" ? "conflict" : "merge", { contents, notes: merged.notes });
}

/** Paths where the plan would write `<path>.upgrade` over something already there (an earlier run's). */
export function leftoverSidecars(plan: readonly PlannedFile[], readUser: (path: string) => AppFile): string[] {
  return plan
    .filter((file) => file.sidecar !== undefined)
    .map((file) => `${file.path}${SIDECAR_SUFFIX}`)
    .filter((path) => readUser(path).kind !== "absent");
}
