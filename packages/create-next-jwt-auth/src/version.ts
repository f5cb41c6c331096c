import manifest from "../package.json" with { type: "json" };
import type { Stack } from "./options.js";

/** The CLI's own version; the bundler inlines it, so the published file reads nothing at runtime. */
export const CLI_VERSION: string = manifest.version;

/** The package name users run with `npx`. */
export const CLI_NAME: string = manifest.name;

/** A Node.js release as `[major, minor]`. */
export type NodeFloor = readonly [number, number];

/**
 * The oldest Node the CLI itself starts on (Next.js 16's floor). The CLI is one
 * zero-dependency file, so it keeps running where the app it writes cannot, and
 * says so (see `appNodeFloor`).
 */
export const MIN_NODE: NodeFloor = [20, 9];

/**
 * The oldest Node a generated app runs and tests on. 22.12 is Vitest 5's floor
 * (`^22.12 || ^24 || >=26`). SQLite apps need 22.14: better-sqlite3 13 ships
 * prebuilt Node-API 10 binaries, and Node 22.12/22.13 (Node-API 9) crash with a
 * segmentation fault on its first query (measured; see BENCHMARKS.md).
 */
export function appNodeFloor(stack: Stack): NodeFloor {
  return stack.db === "sqlite" ? [22, 14] : [22, 12];
}

/** The Node.js line a new app's `.nvmrc` names: the Active LTS (26 since 2026-10-28). */
export const APP_NODE_LTS = "26";

/** Whether a `process.versions.node` string meets a floor (the CLI's own by default). */
export function nodeIsSupported(version: string, floor: NodeFloor = MIN_NODE): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  return major > floor[0] || (major === floor[0] && minor >= floor[1]);
}
