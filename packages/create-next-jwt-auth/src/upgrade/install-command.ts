import type { ManifestOptions } from "../manifest.js";
import { installCommand } from "../package-manager.js";

/**
 * The install that refreshes the lockfile after package.json changed. In CI, pnpm
 * and Yarn 2+ refuse to touch the lockfile by default (frozen / immutable), which
 * is exactly what an upgrade must do, so it is allowed explicitly.
 */
export function upgradeInstallCommand(options: ManifestOptions, ignoreWorkspace: boolean): [string, string[]] {
  const [file, args] = installCommand(options.packageManager, { ignoreWorkspace });
  if (options.packageManager === "pnpm") return [file, [...args, "--no-frozen-lockfile"]];
  const yarnMajor = Number(options.packageManagerSpec?.match(/^yarn@(\d+)/)?.[1] ?? 1);
  if (options.packageManager === "yarn" && yarnMajor >= 2) return [file, [...args, "--no-immutable"]];
  return [file, args];
}
