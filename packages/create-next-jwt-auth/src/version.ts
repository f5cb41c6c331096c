import manifest from "../package.json" with { type: "json" };

/** The CLI's own version; the bundler inlines it, so the published file reads nothing at runtime. */
export const CLI_VERSION: string = manifest.version;

/** The package name users run with `npx`. */
export const CLI_NAME: string = manifest.name;

/** The oldest Node the CLI and the generated app support (Next.js 16's floor). */
export const MIN_NODE = [20, 9] as const;

/** Whether a `process.versions.node` string meets `MIN_NODE`. */
export function nodeIsSupported(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}
