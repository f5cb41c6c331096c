#!/usr/bin/env node
// Makes a fresh clone usable with nothing but Node >= 20.9 and npm: installs the
// workspace with pnpm 10 (through npx, because corepack cannot download pnpm
// everywhere) and builds the CLI when its bundle is missing or older than its
// sources or templates. Cheap when there is nothing to do, so `npm run create`
// and `npm test` can call it every time.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "packages/create-next-jwt-auth");
const BUNDLE = join(CLI, "dist/index.js");
const LOCKFILE = join(ROOT, "pnpm-lock.yaml");
const PNPM = ["-y", "pnpm@10"];

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 9)) {
  fail(`Node.js 20.9 or newer is required (this is ${process.versions.node}).`);
}

function fail(message) {
  console.error(`bootstrap: ${message}`);
  process.exit(1);
}

function run(command, args, cwd) {
  console.error(`bootstrap: ${command} ${args.join(" ")}`);
  // Child output goes to stderr so `npm run create` prints only the CLI on stdout.
  // A shell on Windows only, where npx is a .cmd file.
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", 2, 2], shell: process.platform === "win32" });
  if (result.status !== 0) fail(`${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}).`);
}

/** Newest modification time under `path`, skipping installed and generated folders. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === ".next" || entry === "dist") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

// 1. Dependencies: first run, or the lockfile changed since the last install.
const modulesState = join(ROOT, "node_modules/.modules.yaml");
const installed = existsSync(join(ROOT, "node_modules/.pnpm")) && existsSync(modulesState);
const lockfileNewer = installed && existsSync(LOCKFILE) && statSync(LOCKFILE).mtimeMs > statSync(modulesState).mtimeMs;
if (!installed || lockfileNewer) {
  // Without a lockfile a frozen install cannot work; with one, never let it drift.
  run("npx", [...PNPM, "install", existsSync(LOCKFILE) ? "--frozen-lockfile" : "--no-frozen-lockfile"], ROOT);
}

// 2. The CLI bundle (and its copy of the templates).
const inputs = ["src", "scripts", "tsup.config.ts", "package.json"].map((p) => join(CLI, p));
const newestInput = Math.max(...inputs.map(newestMtime), newestMtime(join(ROOT, "templates")));
if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newestInput) {
  run("npx", [...PNPM, "--filter", "create-next-jwt-auth", "run", "build"], ROOT);
}
