/**
 * The package managers other than pnpm, one stack each, spread across backends
 * so every backend's template meets a second manager: generate with the CLI
 * (which installs), check the `packageManager` field and the lockfile, then
 * lint, typecheck and build. Results have test-app's `AppResult` shape, for the
 * CI summary table.
 *
 *   pnpm exec tsx scripts/test-runtimes.ts
 *   CNJA_RUNTIMES=yarn pnpm exec tsx scripts/test-runtimes.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stackId, type Stack } from "../packages/create-next-jwt-auth/src/options.js";
import { nodeEnv } from "./node-runtime.js";
import type { AppResult } from "./test-app.js";
import { testPackageManager, type OtherPackageManager } from "./test-package-manager.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const RESULTS_DIR = join(ROOT, ".tmp/ci");

/**
 * Which manager generates which stack. JWT stacks only: they build without a
 * native addon, so the time goes to what differs between managers (resolution,
 * lockfile, hoisting), not to compiling better-sqlite3 again.
 */
export const RUNTIME_PLAN: { pm: OtherPackageManager; stack: Stack }[] = [
  { pm: "npm", stack: { backend: "drupal", session: "jwt", db: undefined } },
  { pm: "bun", stack: { backend: "rest", session: "jwt", db: undefined } },
];

/**
 * Not in CI: yarn (1 and 4) resolves the optional platform packages of every
 * OS, and the registry CI reaches lacks the non-Linux builds of the newest
 * releases (e.g. `@unrs/resolver-binding-darwin-x64@1.13.0`, pulled in by
 * eslint-config-next), so any yarn install here stops at resolution. npm,
 * pnpm and bun skip what does not match the machine. `CNJA_RUNTIMES=yarn` runs it.
 */
export const BLOCKED_HERE: { pm: OtherPackageManager; stack: Stack }[] = [
  { pm: "yarn", stack: { backend: "nestjs", session: "jwt", db: undefined } },
];

/**
 * Run `RUNTIME_PLAN` one after the other (two cores: parallel builds only slow
 * each other down), on Node 24: the CLI would rightly skip the install on the
 * workspace's own Node when that is older than the apps' floor.
 * `CNJA_RUNTIMES=npm,bun` narrows it.
 *
 * @param env extra environment for every step (wins over the Node 24 one)
 * @returns one `AppResult` per manager, id `<pm>-<stack>` (e.g. `yarn-nestjs-jwt`)
 */
export async function testRuntimes(env: NodeJS.ProcessEnv = {}): Promise<AppResult[]> {
  const only = process.env.CNJA_RUNTIMES?.split(",").map((s) => s.trim());
  mkdirSync(RESULTS_DIR, { recursive: true });
  const results: AppResult[] = [];
  const node = await nodeEnv(24, { PATH: process.env.PATH });
  const plan = only ? [...RUNTIME_PLAN, ...BLOCKED_HERE].filter((r) => only.includes(r.pm)) : RUNTIME_PLAN;
  for (const { pm, stack } of plan) {
    const id = `${pm}-${stackId(stack)}`;
    console.log(`\n== ${id}`);
    const log = join(RESULTS_DIR, `${id}.log`);
    writeFileSync(log, `# ${id}\n`);
    const steps = await testPackageManager(pm, {
      stack,
      appDir: join(tmpdir(), "cnja-ci", id),
      log,
      env: { ...node, CI: "true", ...env },
    });
    for (const step of steps) console.log(`  ${step.ok ? "ok  " : "FAIL"} ${id} ${step.name} (${step.seconds}s)`);
    // generate, install, lockfile, lint, typecheck, build: a short list means a stop.
    const result = { id, steps, ok: steps.length === 6 && steps.every((s) => s.ok) };
    writeFileSync(join(RESULTS_DIR, `${id}.json`), JSON.stringify(result, null, 2));
    results.push(result);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await testRuntimes();
  const failed = results.filter((r) => !r.ok).map((r) => r.id);
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed${failed.length ? `: ${failed.join(", ")}` : ""}`);
  process.exit(failed.length === 0 ? 0 : 1);
}
