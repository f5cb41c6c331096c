import { existsSync, readFileSync, realpathSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
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
 * The version of the `pm` found first on `PATH`, read from the package.json of the
 * JavaScript package its executable links to (npm, pnpm and yarn installed with npm).
 * Reading a file takes a millisecond where `npm --version` takes most of a second.
 */
export function installedVersion(pm: PackageManager, pathEnv: string | undefined): string | undefined {
  for (const dir of (pathEnv ?? "").split(delimiter).filter(Boolean)) {
    const candidate = join(dir, pm);
    if (!existsSync(candidate)) continue;
    let current = dirname(realpathSync(candidate));
    for (let depth = 0; depth < 4; depth++, current = dirname(current)) {
      const manifest = readManifest(join(current, "package.json"));
      if (manifest?.name === pm) return typeof manifest.version === "string" && VERSION.test(manifest.version) ? manifest.version : undefined;
    }
    // The first match on PATH is the one that runs; a native binary (bun) has no manifest.
    return undefined;
  }
  return undefined;
}

function readManifest(path: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * `<pm>@<version>` for the generated package.json, or undefined when the version
 * cannot be found out (the field is then left out rather than guessed). Asks the
 * tool itself only when neither the user agent nor its installed package says.
 */
export async function packageManagerSpec(
  pm: PackageManager,
  userAgent: string | undefined,
  exec: Exec,
  cwd: string,
  pathEnv?: string,
): Promise<string | undefined> {
  const agent = fromUserAgent(userAgent);
  if (agent?.name === pm && agent.version) return `${pm}@${agent.version}`;
  const installed = installedVersion(pm, pathEnv);
  if (installed) return `${pm}@${installed}`;
  const probe = await exec(pm, ["--version"], { cwd, timeoutMs: 10_000 });
  const version = probe.ok ? probe.output.split("\n").pop()?.trim() : undefined;
  return version && VERSION.test(version) ? `${pm}@${version}` : undefined;
}

/**
 * The pnpm workspace an existing ancestor of `dir` belongs to, if any. pnpm run inside
 * such a tree installs the workspace root instead of the new project, unless told
 * `--ignore-workspace`.
 */
export function enclosingPnpmWorkspace(dir: string): string | undefined {
  for (let current = dirname(dir); ; current = dirname(current)) {
    if (existsSync(join(current, "pnpm-workspace.yaml"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/** How to install with a package manager, as a program and arguments a user can copy. */
export function installCommand(pm: PackageManager, options: { ignoreWorkspace?: boolean } = {}): [string, string[]] {
  return [pm, pm === "pnpm" && options.ignoreWorkspace ? ["install", "--ignore-workspace"] : ["install"]];
}
