import type { Style } from "../style.js";
import { ACTIONS, NEEDS_ATTENTION, SIDECAR_SUFFIX, type Action, type PlannedFile } from "./plan.js";

/** Past-tense words for the summary's counts. */
const DONE: Record<Action, string> = {
  update: "updated",
  merge: "merged",
  conflict: "with conflicts",
  add: "added",
  delete: "deleted",
  keep: "kept as you changed them",
  imports: "of yours with imports of moved files updated",
  orphan: "no longer generated but kept",
  skip: "deleted by you, not brought back",
  "side-by-side": "written beside yours as .upgrade",
  blocked: "not touched (not regular files)",
  unchanged: "unchanged",
};

const WIDTH = Math.max(...ACTIONS.map((action) => action.length)) + 2;

/**
 * The plan, one line per path that is not `unchanged`: `  <action>  <path>`, then
 * its notes indented below. The same lines are printed by `--dry-run` and by a real run.
 */
export function planLines(plan: readonly PlannedFile[], style: Style): string[] {
  const lines: string[] = [];
  for (const action of ACTIONS) {
    if (action === "unchanged") continue;
    for (const file of plan.filter((entry) => entry.action === action)) {
      const label = NEEDS_ATTENTION.has(action) ? style.yellow(action.padEnd(WIDTH)) : action.padEnd(WIDTH);
      lines.push(`  ${label}${file.path}`);
      for (const note of file.notes) lines.push(`  ${"".padEnd(WIDTH)}${style.dim(note)}`);
    }
  }
  return lines;
}

/** How many paths each action got, e.g. `3 updated, 1 merged, 120 unchanged`. */
export function countsLine(plan: readonly PlannedFile[]): string {
  return ACTIONS.map((action) => [action, plan.filter((file) => file.action === action).length] as const)
    .filter(([, count]) => count > 0)
    .map(([action, count]) => `${count} ${DONE[action]}`)
    .join(", ");
}

/**
 * The files left to resolve by hand: conflicts are the file itself, a two-way
 * fallback is the `.upgrade` file beside it.
 */
export function attentionPaths(plan: readonly PlannedFile[]): string[] {
  return plan
    .filter((file) => NEEDS_ATTENTION.has(file.action))
    .map((file) => (file.action === "side-by-side" ? `${file.path}${SIDECAR_SUFFIX}` : file.path));
}

/**
 * The line scripts and CI read: `Conflicts to resolve (N): a, b` or `No conflicts.`
 */
export function conflictsLine(plan: readonly PlannedFile[]): string {
  const paths = attentionPaths(plan);
  return paths.length === 0 ? "No conflicts." : `Conflicts to resolve (${paths.length}): ${paths.join(", ")}`;
}
