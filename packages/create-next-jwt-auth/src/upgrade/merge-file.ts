import { ENV_EXAMPLE } from "../env-local.js";
import { isBinary } from "./is-binary.js";
import { mergeEnvExample } from "./merge-env-example.js";
import { mergePackageJson } from "./merge-package-json.js";
import { mergeText } from "./merge-text.js";

/** How a file both sides changed came out. */
export type FileMerge =
  | { outcome: "merged"; text: string; notes: string[] }
  | { outcome: "conflict"; text: string; notes: string[] }
  /** Cannot be merged (binary, or package.json that is not JSON): the caller writes the new version beside it. */
  | { outcome: "unmergeable"; why: string };

/**
 * Merge one file the user changed with the generator's change to it, by kind:
 * package.json as data, `.env.example` by variable when lines collide, binary files
 * not at all, every other file line by line with conflict markers.
 */
export function mergeFile(path: string, user: Buffer, base: Buffer, target: Buffer, theirsLabel: string): FileMerge {
  if (isBinary(user) || isBinary(base) || isBinary(target)) return { outcome: "unmergeable", why: "a binary file cannot be merged" };
  const [u, b, t] = [user, base, target].map((bytes) => bytes.toString("utf8")) as [string, string, string];
  if (path === "package.json") {
    const merged = mergePackageJson(u, b, t);
    if (!merged) return { outcome: "unmergeable", why: "package.json is not a JSON object" };
    return { outcome: "merged", text: merged.text, notes: merged.overridden.map((line) => `changed by both, the new value was taken: ${line}`) };
  }
  if (path === ENV_EXAMPLE) {
    const merged = mergeEnvExample(u, b, t, theirsLabel);
    return { outcome: "merged", text: merged.text, notes: merged.byVariable ? ["lines collided: merged variable by variable"] : [] };
  }
  const merged = mergeText(u, b, t, theirsLabel);
  return merged.conflicts > 0
    ? { outcome: "conflict", text: merged.text, notes: [`${merged.conflicts} conflict${merged.conflicts === 1 ? "" : "s"} marked with <<<<<<< yours`] }
    : { outcome: "merged", text: merged.text, notes: [] };
}
