/**
 * Generate one stack with npm, yarn or bun the way a user of that manager gets
 * it, and check what the choice must change: the `packageManager` field, the one
 * lockfile, and that the app builds with that manager's install.
 *
 *   pnpm exec tsx scripts/test-package-manager.ts yarn nestjs-jwt
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { allStacks, stackId, type Stack } from "../packages/create-next-jwt-auth/src/options.js";
import { nodeEnv } from "./node-runtime.js";
import { runStep, type StepResult } from "./run-step.js";

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const CLI = join(ROOT, "packages/create-next-jwt-auth/dist/index.js");

/** The managers this file tests; pnpm is the main matrix's (scripts/test-app.ts). */
export type OtherPackageManager = "npm" | "yarn" | "bun";

/**
 * Exact versions installed from the npm registry. yarn is pinned to classic on
 * purpose: the `yarn` package's `latest` tag on the registry is 2.4.3, an old
 * Berry, so `npx -y yarn` would not give users' yarn. bun's npm package ships
 * the native binary through an optional dependency (`@oven/bun-linux-x64`).
 * npm is the machine's own, the one every Node user has.
 */
export const PACKAGE_MANAGER_PACKAGES: Record<Exclude<OtherPackageManager, "npm">, string> = {
  yarn: "yarn@1.22.22",
  bun: "bun@1.4.5",
};

/** The one lockfile each manager must leave behind. */
export const LOCKFILES: Record<OtherPackageManager | "pnpm", string[]> = {
  npm: ["package-lock.json"],
  pnpm: ["pnpm-lock.yaml"],
  yarn: ["yarn.lock"],
  // bun 1.2+ writes the text bun.lock; older ones the binary bun.lockb. Either is bun's.
  bun: ["bun.lock", "bun.lockb"],
};
const ALL_LOCKFILES = [...new Set([...Object.values(LOCKFILES).flat(), "npm-shrinkwrap.json"])];

/**
 * A PATH on which `pm` is found, as it would be for a user who has it installed:
 * yarn and bun are installed once with npm under `.tmp/pm/` (git-ignored) and
 * reused; npm is already on PATH.
 */
export async function packageManagerPath(pm: OtherPackageManager, pathEnv: string | undefined): Promise<string | undefined> {
  if (pm === "npm") return pathEnv;
  const spec = PACKAGE_MANAGER_PACKAGES[pm];
  const prefix = join(ROOT, ".tmp", "pm", spec.replace("@", "-"));
  const bin = join(prefix, "node_modules", ".bin");
  if (!existsSync(join(bin, pm))) {
    mkdirSync(prefix, { recursive: true });
    // bun's postinstall links the binary of the optional platform package into place.
    await run("npm", ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", spec], {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
  }
  return [bin, pathEnv].filter(Boolean).join(delimiter);
}

/** `pm --version` as that PATH resolves it. */
async function versionOf(pm: OtherPackageManager, env: NodeJS.ProcessEnv): Promise<string> {
  return (await run(pm, ["--version"], { env, encoding: "utf8" })).stdout.trim().split("\n").pop()!.trim();
}

/**
 * The user agent `npm create`, `yarn create` or `bun create` gives the CLI, so
 * detection runs as it does for users (the flag is passed too, and must agree).
 */
function userAgent(pm: OtherPackageManager, version: string, nodeVersion: string): string {
  return `${pm}/${version} npm/? node/${nodeVersion} ${process.platform} ${process.arch}`;
}

/** A step that ran no process: a check of files, logged like the others. */
function check(name: string, log: string, problems: string[], started: number): StepResult {
  appendFileSync(log, `\n# check ${name}: ${problems.length === 0 ? "ok" : problems.join("; ")}\n`);
  return { name, ok: problems.length === 0, seconds: Math.round((Date.now() - started) / 100) / 10, log };
}

/**
 * Generate `stack` with `--package-manager <pm>` and let the CLI install, as a
 * user's `<pm> create next-jwt-auth` does: that exercises the CLI's own install
 * command and its exit status, which `--no-install` followed by our own install
 * would skip. The CLI's run is reported as two steps, `generate` and `install`
 * (the install time the CLI prints), so they fill the same columns as pnpm's.
 *
 * Then: `lockfile` (the `packageManager` field is `<pm>@<the version that ran>`
 * and exactly that manager's lockfile exists), and `<pm> run` lint, typecheck
 * and build.
 *
 * @param opts.appDir where to generate (removed first); keep it outside any workspace
 * @param opts.log the step log (appended to)
 * @param opts.env extra environment, e.g. from `nodeEnv`; its PATH is kept and extended
 */
export async function testPackageManager(
  pm: OtherPackageManager,
  opts: { stack: Stack; appDir: string; log: string; env: NodeJS.ProcessEnv },
): Promise<StepResult[]> {
  const { stack, appDir, log } = opts;
  const steps: StepResult[] = [];
  mkdirSync(dirname(appDir), { recursive: true });
  rmSync(appDir, { recursive: true, force: true });

  const provisioned = Date.now();
  const basePath = opts.env.PATH ?? process.env.PATH;
  let env: NodeJS.ProcessEnv;
  let version: string;
  try {
    env = { ...process.env, ...opts.env, PATH: await packageManagerPath(pm, basePath) };
    version = await versionOf(pm, env);
    const nodeVersion = (await run("node", ["--version"], { env, encoding: "utf8" })).stdout.trim();
    env.npm_config_user_agent = userAgent(pm, version, nodeVersion);
    appendFileSync(log, `\n# ${pm} ${version} on node ${nodeVersion}, ready in ${((Date.now() - provisioned) / 1000).toFixed(1)}s\n`);
  } catch (error) {
    appendFileSync(log, `\n# could not get ${pm}: ${(error as Error).message}\n`);
    return [{ name: "generate", ok: false, seconds: 0, log }];
  }

  // `node` from PATH, not process.execPath, so a Node 24 env generates on Node 24 too (and installs: the CLI skips that on a Node older than the app's floor).
  const cliArgs = [
    CLI,
    appDir,
    "--backend",
    stack.backend,
    "--session",
    stack.session,
    ...(stack.db ? ["--db", stack.db] : []),
    "--package-manager",
    pm,
    "--no-git",
    "--yes",
  ];
  const before = readFileSync(log, "utf8").length;
  const cli = await runStep("generate", "node", cliArgs, { cwd: dirname(appDir), env, log });
  // The CLI's summary says "installed in 41.2s"; split its run at that.
  const installed = /installed in ([\d.]+)s/.exec(readFileSync(log, "utf8").slice(before));
  const wrote = existsSync(join(appDir, "package.json"));
  // Without that line the install failed after the files were written: it took the time.
  const installSeconds = installed ? Number(installed[1]) : wrote ? cli.seconds : 0;
  steps.push({ ...cli, ok: wrote, seconds: Math.round((cli.seconds - installSeconds) * 10) / 10 });
  steps.push({ name: "install", ok: cli.ok && installed !== null, seconds: installSeconds, log });
  if (!cli.ok || !installed) return steps;

  const checked = Date.now();
  const problems: string[] = [];
  const manifest = JSON.parse(readFileSync(join(appDir, "package.json"), "utf8")) as { packageManager?: string };
  if (manifest.packageManager !== `${pm}@${version}`) {
    problems.push(`package.json has packageManager ${JSON.stringify(manifest.packageManager)}, expected "${pm}@${version}"`);
  }
  const present = ALL_LOCKFILES.filter((file) => existsSync(join(appDir, file)));
  const expected = present.filter((file) => LOCKFILES[pm].includes(file));
  if (expected.length !== 1 || present.length !== 1) {
    problems.push(`lockfiles present: [${present.join(", ")}], expected exactly one of [${LOCKFILES[pm].join(", ")}]`);
  }
  steps.push(check("lockfile", log, problems, checked));

  for (const script of ["lint", "typecheck", "build"]) {
    steps.push(await runStep(script, pm, ["run", script], { cwd: appDir, env, log }));
  }
  return steps;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pm = process.argv[2] as OtherPackageManager;
  if (!["npm", "yarn", "bun"].includes(pm)) throw new Error("usage: test-package-manager.ts <npm|yarn|bun> <stack>");
  const stack = allStacks().find((s) => stackId(s) === process.argv.slice(3).join("-"));
  if (!stack) throw new Error(`unknown stack; valid: ${allStacks().map(stackId).join(", ")}`);
  const id = `${pm}-${stackId(stack)}`;
  const log = join(ROOT, ".tmp/ci", `${id}.log`);
  mkdirSync(dirname(log), { recursive: true });
  writeFileSync(log, `# ${id}\n`);
  const env = { ...(await nodeEnv(24, { PATH: process.env.PATH })), CI: "true" };
  const steps = await testPackageManager(pm, { stack, appDir: join(tmpdir(), "cnja-ci", id), log, env });
  for (const s of steps) console.log(`  ${s.ok ? "ok  " : "FAIL"} ${id} ${s.name} (${s.seconds}s)`);
  process.exit(steps.every((s) => s.ok) ? 0 : 1);
}
