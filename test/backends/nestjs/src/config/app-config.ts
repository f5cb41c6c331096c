import { randomBytes } from "node:crypto";

/** Injection token of the settings read from the environment. */
export const APP_CONFIG = Symbol("APP_CONFIG");

export interface AppConfig {
  /** 0 lets the OS pick a free port (the tests use it). */
  port: number;
  host: string;
  /** Seconds. */
  accessTtl: number;
  /** Seconds. */
  refreshTtl: number;
  /** Two different secrets, as in the refresh-token recipe (`JWT_ACCESS_SECRET`, `JWT_REFRESH_SECRET`). */
  accessSecret: string;
  refreshSecret: string;
}

function wholeSeconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`${name} must be a whole number of seconds greater than 0, got "${value}"`);
  }
  return n;
}

function port(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 4010;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`PORT must be a port number, got "${value}"`);
  }
  return n;
}

/**
 * Read the contract's environment: PORT, ACCESS_TTL, REFRESH_TTL. The secrets are random
 * per process unless given (every restart signs everyone out, which a test backend wants).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const accessSecret = env.JWT_ACCESS_SECRET || randomBytes(32).toString("base64url");
  const refreshSecret = env.JWT_REFRESH_SECRET || randomBytes(32).toString("base64url");
  if (accessSecret === refreshSecret) {
    throw new Error("JWT_ACCESS_SECRET and JWT_REFRESH_SECRET must differ");
  }
  return {
    port: port(env.PORT),
    host: "127.0.0.1",
    accessTtl: wholeSeconds("ACCESS_TTL", env.ACCESS_TTL, 60),
    refreshTtl: wholeSeconds("REFRESH_TTL", env.REFRESH_TTL, 3600),
    accessSecret,
    refreshSecret,
  };
}
