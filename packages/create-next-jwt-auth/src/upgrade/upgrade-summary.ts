import { runScript } from "../context.js";
import { ENV_LOCAL } from "../env-local.js";
import type { ManifestOptions } from "../manifest.js";
import { SESSION_LABELS } from "../options.js";
import { envVariableNames } from "../project-files.js";
import type { FileTree } from "../render.js";
import type { Style } from "../style.js";
import { shellQuote } from "../summary.js";
import { CLI_NAME, CLI_VERSION } from "../version.js";
import { readAppText } from "./app-files.js";
import type { PlannedFile } from "./plan.js";
import { attentionPaths, conflictsLine, countsLine } from "./plan-text.js";
import { switchNotes } from "./switch-notes.js";

/** Variables the new `.env.example` assigns that `.env.local` does not: names only, never values. */
export function missingLocalVariables(dir: string, files: FileTree): string[] {
  const local = readAppText(dir, ENV_LOCAL);
  if (local === undefined) return [];
  const have = new Set([...local.matchAll(/^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!));
  return [...envVariableNames(files)].filter((name) => !have.has(name));
}

/** What the closing message of an upgrade is made from. */
export interface SummaryInput {
  plan: readonly PlannedFile[];
  style: Style;
  name: string;
  dir: string;
  cwd: string;
  from: ManifestOptions;
  to: ManifestOptions;
  needsInstall: string | undefined;
  installNote: string;
  missingLocal: string[];
  /** Further sentences for the notes (e.g. files left to format). */
  extraNotes: string[];
}

/**
 * The closing message: what was done (counts per action), the one line scripts read
 * (`Conflicts to resolve (N): …` or `No conflicts.`), files kept, notes on switched
 * options, and the next steps (install, typecheck and tests, review).
 */
export function upgradeSummary(input: SummaryInput): string {
  const { plan, style, to } = input;
  const pm = to.packageManager;
  const attention = attentionPaths(plan);
  const kept = plan.filter((file) => file.action === "orphan" || file.action === "skip");
  const lines = [
    "",
    `${attention.length === 0 ? style.green("✔") : style.yellow("!")} Upgraded ${style.bold(input.name)} to ${CLI_NAME} ${CLI_VERSION} (${SESSION_LABELS[to.session]}): ${countsLine(plan)}`,
    `  dependencies: ${input.installNote}`,
    conflictsLine(plan),
  ];
  if (attention.length > 0) {
    lines.push(
      "  In each file, keep what you need between <<<<<<< yours / ======= / >>>>>>> and delete the markers;",
      "  merge a .upgrade file into the file beside it, then delete it. `git diff` shows everything the upgrade changed.",
    );
  }
  if (kept.length > 0) {
    lines.push(`Kept (${kept.length}): ${kept.map((file) => file.path).join(", ")}`);
  }
  const notes = switchNotes(input.from, to);
  if (input.missingLocal.length > 0) {
    notes.push(`.env.local does not set ${input.missingLocal.join(", ")} (.env.example documents them; the defaults apply until you do).`);
  }
  notes.push(...input.extraNotes);
  if (notes.length > 0) lines.push("", style.bold("Notes"), ...notes.map((note) => `  ${note}`));
  lines.push("", style.bold("Next steps"));
  const relative = input.dir === input.cwd ? undefined : input.dir.startsWith(`${input.cwd}/`) ? input.dir.slice(input.cwd.length + 1) : input.dir;
  if (relative) lines.push(`  ${style.cyan(`cd ${shellQuote(relative)}`)}`);
  if (input.needsInstall) lines.push(`  ${style.cyan(input.needsInstall)}`);
  lines.push(`  ${style.cyan(`${runScript(pm, "typecheck")} && ${runScript(pm, "test")}`)}`, "  then review with git diff and commit.", "");
  return lines.join("\n");
}
