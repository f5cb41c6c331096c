/** Markdown output of the benchmarks: tables and goal verdicts. */

export type Cell = string | number;

/** A GitHub-flavoured Markdown table; numbers are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const escape = (cell: Cell) => String(cell).replace(/\|/g, "\\|").replace(/\n/g, " ");
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === "number"));
  const lines = [
    `| ${headers.map(escape).join(" | ")} |`,
    `| ${numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((row) => {
      if (row.length !== headers.length) throw new Error(`row has ${row.length} cells, table has ${headers.length} columns`);
      return `| ${row.map(escape).join(" | ")} |`;
    }),
  ];
  return lines.join("\n");
}

/** A goal and whether this run met it, with the figures that decided it. */
export interface Goal {
  goal: string;
  met: boolean;
  /** What was measured, e.g. "0.46× create-next-app (72 vs 157 ms)". */
  measured: string;
  /** For a missed goal: by how much and why. */
  why?: string;
}

/** The verdict lines of a section: one bullet per goal. */
export function goals(list: readonly Goal[]): string {
  return list
    .map((g) => `- ${g.met ? "✅ met" : "❌ missed"}: ${g.goal} — ${g.measured}${!g.met && g.why ? `. ${g.why}` : ""}`)
    .join("\n");
}
