import { mergeText } from "./merge-text.js";

const ASSIGNMENT = /^([A-Z][A-Z0-9_]*)=/;

/** An env file as lines, with where each variable is assigned. */
interface EnvLines {
  lines: string[];
  /** Variable → index of its assignment line. */
  at: Map<string, number>;
}

function parse(text: string): EnvLines {
  const lines = text.split("\n");
  const at = new Map<string, number>();
  lines.forEach((line, index) => {
    const key = ASSIGNMENT.exec(line)?.[1];
    if (key && !at.has(key)) at.set(key, index);
  });
  return { lines, at };
}

/** The comment lines right above line `index` (its documentation), oldest first. */
function commentAbove(lines: readonly string[], index: number): string[] {
  let start = index;
  while (start > 0 && lines[start - 1]!.startsWith("#")) start -= 1;
  return lines.slice(start, index);
}

/**
 * Merge `.env.example`, whose values are documentation, never secrets. A clean
 * line merge is taken as is. Otherwise it is merged by variable, never with
 * conflict markers (the file must stay readable by dotenv): a variable the user
 * left alone takes the new line or, when the new version dropped it, goes away
 * with its comment if that is unchanged too; a variable the user changed keeps
 * their line; a variable new in the target is appended with its comment.
 */
export function mergeEnvExample(user: string, base: string, target: string, theirsLabel: string): { text: string; byVariable: boolean } {
  const clean = mergeText(user, base, target, theirsLabel);
  if (clean.conflicts === 0) return { text: clean.text, byVariable: false };

  const [u, b, t] = [parse(user), parse(base), parse(target)];
  const drop = new Set<number>();
  const lines = [...u.lines];
  for (const [key, index] of u.at) {
    const baseIndex = b.at.get(key);
    if (baseIndex === undefined || b.lines[baseIndex] !== u.lines[index]) continue;
    const targetIndex = t.at.get(key);
    if (targetIndex !== undefined) {
      lines[index] = t.lines[targetIndex]!;
      continue;
    }
    drop.add(index);
    const comment = commentAbove(u.lines, index);
    if (comment.join("\n") === commentAbove(b.lines, baseIndex).join("\n")) {
      for (let line = index - comment.length; line < index; line++) drop.add(line);
    }
  }
  const kept = lines.filter((_, index) => !drop.has(index));
  const added: string[] = [];
  for (const [key, index] of t.at) {
    if (u.at.has(key) || b.at.has(key)) continue;
    added.push("", ...commentAbove(t.lines, index), t.lines[index]!);
  }
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
  const ending = user.endsWith("\n") ? "\n" : "";
  return { text: [...kept, ...added].join("\n") + ending, byVariable: true };
}
