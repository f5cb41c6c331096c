import type { Exec } from "./exec.js";
import { PACKAGE_MANAGERS, isOneOf, type PackageManager } from "./options.js";

/** A package manager and, when known, its exact version (for the `packageManager` field). */
export interface DetectedPackageManager {
  name: PackageManager;
  version: string | undefined;
}

// Only plain release versions are valid in the `packageManager` field.
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * The package manager that launched us, from `npm_config_user_agent`
 * (e.g. `pnpm/10.34.9 npm/? node/v20.20.0 linux x64`), as create-next-app does.
 */
export function fromUserAgent(userAgent: string | undefined): DetectedPackageManager | undefined {
  const match = /^([a-z]+)\/(\S+)/.exec(userAgent ?? "");
  if (!match || !isOneOf(PACKAGE_MANAGERS, match[1])) return undefined;
  return { name: match[1], version: VERSION.test(match[2]!) ? match[2] : undefined };
}

/** The flag wins, then the user agent, then npm (always there with Node). */
export function choosePackageManager(flag: PackageManager | undefined, userAgent: string | undefined): PackageManager {
  return flag ?? fromUserAgent(userAgent)?.name ?? "npm";
}

/**
 * `<pm>@<version>` for the generated package.json, or undefined when the version
 * cannot be found out (the field is then left out rather than guessed). Asks the
 * tool itself only when the user agent does not already say.
 */
export async function packageManagerSpec(
  pm: PackageManager,
  userAgent: string | undefined,
  exec: Exec,
  cwd: string,
): Promise<string | undefined> {
  const agent = fromUserAgent(userAgent);
  if (agent?.name === pm && agent.version) return `${pm}@${agent.version}`;
  const probe = await exec(pm, ["--version"], { cwd, timeoutMs: 10_000 });
  const version = probe.ok ? probe.output.split("\n").pop()?.trim() : undefined;
  return version && VERSION.test(version) ? `${pm}@${version}` : undefined;
}

/** How to install with a package manager, as a command line a user can copy. */
export function installCommand(pm: PackageManager): [string, string[]] {
  return [pm, ["install"]];
}
