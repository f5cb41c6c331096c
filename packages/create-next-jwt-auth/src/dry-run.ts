import type { FileTree } from "./render.js";
import type { Style } from "./style.js";

/**
 * What `--dry-run` prints: every path that would be written, and the steps after.
 * Contents are never shown, so the generated secret cannot end up in a log.
 */
export function dryRunText(
  input: {
    name: string;
    dir: string;
    tree: FileTree;
    privatePaths: ReadonlySet<string>;
    /** e.g. `pnpm install`, or undefined with --no-install. */
    installCommand: string | undefined;
    git: boolean;
    reproduce: string;
  },
  style: Style,
): string {
  const lines = [`Dry run: ${input.name} would be created in ${input.dir} with ${input.tree.size} files:`];
  for (const path of input.tree.keys()) {
    lines.push(`  ${path}${input.privatePaths.has(path) ? style.dim("  (generated secret, not shown)") : ""}`);
  }
  lines.push(
    `Then: ${input.installCommand ?? "no install"}, ${input.git ? "git init and commit" : "no git"}.`,
    "Nothing was written.",
    "",
    "Reproduce without prompts:",
    `  ${input.reproduce}`,
    "",
  );
  return lines.join("\n");
}
