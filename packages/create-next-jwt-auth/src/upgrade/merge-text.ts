import { diff3Merge } from "node-diff3";

/** The outcome of a three-way text merge. */
export interface TextMerge {
  text: string;
  /** Number of conflict blocks written with markers; 0 for a clean merge. */
  conflicts: number;
}

/** The marker lines git writes, so editors and `git diff --check` recognise them. */
export const CONFLICT_START = "<<<<<<< yours";
export const CONFLICT_MIDDLE = "=======";
export const conflictEnd = (theirs: string) => `>>>>>>> ${theirs}`;

/**
 * Merge line by line what the user changed (base → user) with what the generator
 * changed (base → target), diff3 style. Both sides' changes are kept where they
 * touch different lines; where they overlap differently the block is written
 * between `<<<<<<< yours`, `=======` and `>>>>>>> <theirsLabel>`. Changes both
 * sides made identically are no conflict.
 *
 * Lines are split on "\n" by hand: node-diff3 given strings splits on any
 * whitespace and would merge words, not lines.
 */
export function mergeText(user: string, base: string, target: string, theirsLabel: string): TextMerge {
  const regions = diff3Merge(user.split("\n"), base.split("\n"), target.split("\n"), { excludeFalseConflicts: true });
  const lines: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) lines.push(...region.ok);
    else if (region.conflict) {
      conflicts += 1;
      lines.push(CONFLICT_START, ...region.conflict.a, CONFLICT_MIDDLE, ...region.conflict.b, conflictEnd(theirsLabel));
    }
  }
  return { text: lines.join("\n"), conflicts };
}
