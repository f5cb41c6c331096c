/**
 * The independent backends of test/backends (written from the protocols, not
 * from the templates' mocks), started as CI points generated apps at them.
 */
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Backend } from "../packages/create-next-jwt-auth/src/options.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** One way of running an independent backend, and the app settings it needs. */
export interface BackendVariant {
  /** The backend style it speaks: the generated app must be of this style. */
  style: Backend;
  /** Folder under test/backends. */
  folder: string;
  /** Environment of the backend process besides PORT and the lifetimes. */
  backendEnv: Record<string, string>;
  /** Environment of the generated app, to reach this backend. */
  appEnv: () => Record<string, string>;
  /** A resource the flow reads through the proxy, when not the style's demo resource. */
  proxyPath?: string;
}

/** Parse a dotenv file of plain `NAME=value` lines (comments and blanks skipped). */
export function readDotenv(path: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) env[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, "$2");
  }
  return env;
}

export const BACKEND_VARIANTS = {
  nestjs: { style: "nestjs", folder: "nestjs", backendEnv: {}, appEnv: () => ({}) },
  drupal: { style: "drupal", folder: "drupal", backendEnv: {}, appEnv: () => ({}) },
  /** simple_oauth 5.x, with the user read through JSON:API's `me` link instead of userinfo. */
  "drupal-5-jsonapi": {
    style: "drupal",
    folder: "drupal",
    backendEnv: { SIMPLE_OAUTH_VERSION: "5" },
    appEnv: () => ({ DRUPAL_USER_SOURCE: "jsonapi" }),
  },
  rest: { style: "rest", folder: "rest", backendEnv: {}, appEnv: () => ({}) },
  /** Other paths and field names, opaque tokens: reached only through the app's env. */
  "rest-variant": {
    style: "rest",
    folder: "rest",
    backendEnv: { REST_FLAVOR: "variant" },
    appEnv: () => readDotenv(join(ROOT, "test/backends/rest/variant.env")),
    // Under variant.env's BACKEND_PROXY_PREFIXES (src/flavors.ts serves it).
    proxyPath: "v1/things",
  },
} as const satisfies Record<string, BackendVariant>;

export type BackendVariantName = keyof typeof BACKEND_VARIANTS;

/** The proxy path of the demo resource the app reads from this backend. */
export function demoProxyPath(name: BackendVariantName): string {
  const variant: BackendVariant = BACKEND_VARIANTS[name];
  if (variant.proxyPath) return variant.proxyPath;
  return variant.style === "drupal" ? "jsonapi/node/article" : "api/items";
}

/** The counters every backend here keeps (`GET /__mock/stats`, test/backends/README.md). */
export interface BackendStats {
  logins: number;
  refreshes: number;
  rejectedRefreshes: number;
  reusedRefreshes: number;
}

/** What the backend at `backendUrl` has been asked so far. */
export async function backendStats(backendUrl: string): Promise<BackendStats> {
  const response = await fetch(`${backendUrl}/__mock/stats`);
  if (!response.ok) throw new Error(`backend stats answered ${response.status}`);
  return (await response.json()) as BackendStats;
}

/** Forget every issued token, flood counter and count (`POST /__mock/reset`). */
export async function resetBackend(backendUrl: string): Promise<void> {
  const response = await fetch(`${backendUrl}/__mock/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`backend reset answered ${response.status}`);
}

export interface RunningBackend {
  url: string;
  stop(): Promise<void>;
}

/**
 * Start a built backend (`node dist/main.js`) and wait for its
 * `listening on` line; its output goes to `log`.
 */
export async function startBackend(
  name: BackendVariantName,
  options: { port: number; accessTtl: number; refreshTtl: number; log: string; env?: NodeJS.ProcessEnv },
): Promise<RunningBackend> {
  const variant: BackendVariant = BACKEND_VARIANTS[name];
  const out = createWriteStream(options.log, { flags: "a" });
  out.write(`\n$ [${name}] node dist/main.js on ${options.port}\n`);
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: join(ROOT, "test/backends", variant.folder),
    env: {
      ...process.env,
      ...options.env,
      ...variant.backendEnv,
      PORT: String(options.port),
      ACCESS_TTL: String(options.accessTtl),
      REFRESH_TTL: String(options.refreshTtl),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const url = `http://127.0.0.1:${options.port}`;
  await new Promise<void>((resolveUp, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} backend did not start in 20 s`)), 20_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} backend exited with ${code} before listening`));
    });
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening on")) {
        clearTimeout(timer);
        resolveUp();
      }
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolveDown) => {
        if (child.exitCode !== null) return resolveDown();
        child.once("exit", () => resolveDown());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
