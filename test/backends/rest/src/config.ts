import type { FlavorName } from "./flavors.js";

/** What the process environment decides (see ../README.md and ../../README.md). */
export interface ServerConfig {
  port: number;
  /** Access-token lifetime, whole seconds. */
  accessTtl: number;
  /** Refresh-token lifetime, whole seconds. */
  refreshTtl: number;
  flavor: FlavorName;
}

export const DEFAULTS = {
  port: 4020,
  accessTtl: 3600,
  refreshTtl: 30 * 24 * 3600,
  flavor: "dummyjson",
} as const satisfies ServerConfig;

const FLAVORS: readonly FlavorName[] = ["dummyjson", "variant"];

/** Read and validate PORT, ACCESS_TTL, REFRESH_TTL and REST_FLAVOR; throws with every problem at once. */
export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === "") return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const port = integer("PORT", DEFAULTS.port, 0, 65535);
  const accessTtl = integer("ACCESS_TTL", DEFAULTS.accessTtl, 1, 10 * 365 * 24 * 3600);
  const refreshTtl = integer("REFRESH_TTL", DEFAULTS.refreshTtl, 1, 10 * 365 * 24 * 3600);

  const rawFlavor = env.REST_FLAVOR?.trim() || DEFAULTS.flavor;
  const flavor = FLAVORS.find((name) => name === rawFlavor);
  if (!flavor)
    problems.push(`REST_FLAVOR must be one of ${FLAVORS.join(", ")}, got "${rawFlavor}"`);

  if (problems.length > 0) throw new Error(problems.join("; "));
  return { port, accessTtl, refreshTtl, flavor: flavor ?? DEFAULTS.flavor };
}
