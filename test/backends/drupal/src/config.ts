/** The environment contract of test/backends (see ../README.md). */
export interface Config {
  port: number;
  /** Access-token lifetime in seconds (simple_oauth default 300). */
  accessTtl: number;
  /** Refresh-token lifetime in seconds (simple_oauth default 1,209,600: 14 days). */
  refreshTtl: number;
  /** Which simple_oauth major version to behave like. */
  version: SimpleOauthVersion;
}

export type SimpleOauthVersion = 5 | 6;

function wholeSeconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number of seconds, got "${raw}"`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? "4620");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const rawVersion = env.SIMPLE_OAUTH_VERSION ?? "6";
  const major = rawVersion.trim().split(".")[0];
  if (major !== "5" && major !== "6") {
    throw new Error(`SIMPLE_OAUTH_VERSION must be 6 (default) or 5, got "${rawVersion}"`);
  }
  return {
    port,
    accessTtl: wholeSeconds("ACCESS_TTL", env.ACCESS_TTL, 300),
    refreshTtl: wholeSeconds("REFRESH_TTL", env.REFRESH_TTL, 1_209_600),
    version: major === "5" ? 5 : 6,
  };
}
