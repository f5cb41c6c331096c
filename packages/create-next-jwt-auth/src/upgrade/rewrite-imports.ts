import type { AppFile } from "./app-files.js";
import type { Move } from "./follow-moves.js";
import type { PlannedFile } from "./plan.js";

/** Files whose import specifiers are rewritten: the app's TypeScript and JavaScript. */
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/** `@/lib/auth/session` → `@/lib/next-jwt-auth/session/server-session`, for every moved source file. */
export function importRewrites(moves: readonly Move[]): Map<string, string> {
  const rewrites = new Map<string, string>();
  for (const { from, to } of moves) {
    if (!SOURCE.test(from) || !SOURCE.test(to)) continue;
    rewrites.set(`@/${from.replace(EXTENSION, "")}`, `@/${to.replace(EXTENSION, "")}`);
  }
  return rewrites;
}

/**
 * Replace every string literal that is exactly a moved module's `@/` specifier
 * (imports, `import()`, `vi.mock`) with its new one. Nothing else is touched: a
 * specifier is only ever a whole string.
 */
export function rewriteImports(text: string, rewrites: ReadonlyMap<string, string>): { text: string; count: number } {
  let count = 0;
  const rewritten = text.replace(/(["'])(@\/[^"'\n]+)\1/g, (literal, quote: string, specifier: string) => {
    const next = rewrites.get(specifier);
    if (next === undefined) return literal;
    count += 1;
    return `${quote}${next}${quote}`;
  });
  return { text: rewritten, count };
}

/**
 * After files moved, make the user's code import them from where they are now:
 * the user's own source files (not generated), and the user's lines in files that
 * keep them (merged, conflicting, kept as changed, or kept though no longer generated). Files the new version
 * writes whole already import the new paths. A rewritten file of the user's own is
 * planned as `imports`; a merged one just gets the rewrite and a note.
 */
export function planImportRewrites(
  plan: readonly PlannedFile[],
  moves: readonly Move[],
  ownFiles: readonly string[],
  readUser: (path: string) => AppFile,
): PlannedFile[] {
  const rewrites = importRewrites(moves);
  if (rewrites.size === 0) return [...plan];
  const note = (count: number) => `${count} import${count === 1 ? "" : "s"} of moved files updated`;
  const out = plan.map((file): PlannedFile => {
    if (!SOURCE.test(file.path)) return file;
    if ((file.action === "merge" || file.action === "conflict") && file.contents) {
      const { text, count } = rewriteImports(file.contents.toString("utf8"), rewrites);
      return count === 0 ? file : { ...file, contents: Buffer.from(text), notes: [...file.notes, note(count)] };
    }
    if (file.action === "keep" || file.action === "orphan") {
      const user = readUser(file.path);
      if (user.kind !== "file") return file;
      const { text, count } = rewriteImports(user.bytes.toString("utf8"), rewrites);
      if (count === 0) return file;
      // An orphan stays one (listed as kept), now importing what it imported from where it is.
      return { path: file.path, action: file.action === "keep" ? "imports" : "orphan", contents: Buffer.from(text), notes: [...file.notes, note(count)] };
    }
    return file;
  });
  const planned = new Set(plan.map((file) => file.path));
  for (const path of ownFiles) {
    if (planned.has(path) || !SOURCE.test(path)) continue;
    const user = readUser(path);
    if (user.kind !== "file") continue;
    const { text, count } = rewriteImports(user.bytes.toString("utf8"), rewrites);
    if (count > 0) out.push({ path, action: "imports", contents: Buffer.from(text), notes: [note(count)] });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
