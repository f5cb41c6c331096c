/**
 * How fast does the CLI start and write a project? Measured against a peer in
 * the same run, because this machine is noisy: create-next-app's own bundled
 * CLI (also a single file with no runtime dependencies), installed locally so
 * neither side pays for a download.
 *
 *   pnpm exec tsx scripts/bench-cli.ts [runs=15]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const OURS = join(ROOT, "packages/create-next-jwt-auth/dist/index.js");
const PEER_DIR = join(ROOT, ".tmp/bench-peer");
const PEER = join(PEER_DIR, "node_modules/create-next-app/dist/index.js");
const runs = Number(process.argv[2] ?? 15);

if (!existsSync(OURS)) throw new Error("build the CLI first: npm run bootstrap");
if (!existsSync(PEER)) {
  mkdirSync(PEER_DIR, { recursive: true });
  execFileSync("npm", ["install", "--no-save", "--prefix", PEER_DIR, "create-next-app@16.4.3"], { stdio: "inherit" });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: "ignore", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`failed: node ${args.join(" ")}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const scratch = mkdtempSync(join(tmpdir(), "cnja-bench-"));
let generated = 0;
const cases: Record<string, () => number> = {
  "node -e '' (floor)": () => time(["-e", ""]),
  "create-next-app --version": () => time([PEER, "--version"]),
  "create-next-jwt-auth --version": () => time([OURS, "--version"]),
  "create-next-jwt-auth generate (no install, no git)": () => {
    // A fresh, lowercase directory name each run: it becomes the npm package name.
    const dir = join(scratch, `app-${generated++}`);
    return time([OURS, dir, "--backend", "nestjs", "--session", "jwt", "--yes", "--no-install", "--no-git"]);
  },
};

// Interleave the cases so drift in machine load hits all of them alike.
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(cases)) samples[name]!.push(run());
rmSync(scratch, { recursive: true, force: true });

const peer = median(samples["create-next-app --version"]!);
console.log(`runs: ${runs} (interleaved), node ${process.version}\n`);
for (const [name, values] of Object.entries(samples)) {
  const m = median(values);
  console.log(`${name.padEnd(52)} median ${m.toFixed(0).padStart(5)} ms   ratio to create-next-app ${(m / peer).toFixed(2)}`);
}
