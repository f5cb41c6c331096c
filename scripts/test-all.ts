/**
 * Everything CI runs: the CLI's own checks, the independent backends' build
 * and tests, then every CI run (scripts/matrix.ts) generated, installed and
 * tested as a user would — against its mock and an independent backend — and
 * the other package managers. Prints a table and a closing "N passed, N failed"
 * line. `CNJA_STACKS=nestjs-jwt,rest-jwt` narrows the stacks; `CNJA_SKIP=pm,bench`
 * leaves out the package-manager runs and the quick benchmark run.
 *
 * It first makes the machine ready (scripts/test-setup.ts): a Chromium and a
 * running PostgreSQL, installed or started when missing, so a fresh clone
 * needs nothing but Node and npm.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stackId } from "../packages/create-next-jwt-auth/src/options.js";
import { ciRuns, runId } from "./matrix.js";
import { nodeVersion } from "./node-runtime.js";
import { prepareTestMachine } from "./test-setup.js";
import { runStep } from "./run-step.js";
import { RESULTS_DIR, parseStack, runFor, testApp, type AppResult } from "./test-app.js";
import { mkdirSync, writeFileSync } from "node:fs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const started = Date.now();
mkdirSync(RESULTS_DIR, { recursive: true });

const results: AppResult[] = [];

// Chromium and PostgreSQL first: a missing one stops here with one message, not an hour in.
try {
  Object.assign(process.env, await prepareTestMachine((line) => console.log(`== ${line}`)));
} catch (error) {
  console.error(`== ${(error as Error).message}`);
  process.exit(1);
}

// The CLI package: typecheck and its unit + end-to-end tests; the scripts; the template layers in place.
{
  const log = join(RESULTS_DIR, "cli.log");
  writeFileSync(log, "# cli\n");
  const cwd = join(ROOT, "packages/create-next-jwt-auth");
  const steps = [];
  for (const [name, args, dir] of [
    ["typecheck", ["-y", "pnpm@10", "run", "typecheck"], cwd],
    ["scripts", ["-y", "pnpm@10", "exec", "tsc", "-p", "scripts"], ROOT],
    ["scripts-unit", ["-y", "pnpm@10", "run", "test:scripts"], ROOT],
    // Every combination of template layers type-checks in place (seconds each).
    ["templates", ["-y", "pnpm@10", "exec", "tsx", "scripts/typecheck-templates.ts"], ROOT],
    ["unit+e2e", ["-y", "pnpm@10", "run", "test"], cwd],
  ] as const) {
    const step = await runStep(name, "npx", [...args], { cwd: dir, log });
    console.log(`  ${step.ok ? "ok  " : "FAIL"} cli ${name} (${step.seconds}s)`);
    steps.push(step);
  }
  results.push({ id: "cli", steps, ok: steps.every((s) => s.ok) });
}

// The independent backends (test/backends): built once, with their own tests.
{
  const log = join(RESULTS_DIR, "backends.log");
  writeFileSync(log, "# backends\n");
  const steps = [];
  for (const [name, script] of [
    ["build", "build"],
    ["typecheck", "typecheck"],
    ["unit", "test"],
  ] as const) {
    const args = ["-y", "pnpm@10", "--filter", "./test/backends/*", "run", script];
    const step = await runStep(name, "npx", args, { cwd: ROOT, log });
    console.log(`  ${step.ok ? "ok  " : "FAIL"} backends ${name} (${step.seconds}s)`);
    steps.push(step);
  }
  results.push({ id: "test/backends", steps, ok: steps.every((s) => s.ok) });
}

const selected = process.env.CNJA_STACKS
  ? process.env.CNJA_STACKS.split(",").map((id) => runFor(parseStack([id.trim()])))
  : ciRuns();
for (const run of selected) {
  console.log(`\n== ${runId(run)}: ${stackId(run.stack)} on Node ${nodeVersion(run.node, run.stack)}`);
  results.push(await testApp(run));
}

const skipped = (process.env.CNJA_SKIP ?? "").split(",");
if (!skipped.includes("pm")) {
  const { testRuntimes } = await import("./test-runtimes.js");
  console.log("\n== other package managers");
  results.push(...(await testRuntimes()));
}

// The benchmarks, small (`--quick`): every section's code runs against real
// apps, and a run with broken behaviour (errors under load, a second refresh) fails.
if (!skipped.includes("bench")) {
  const log = join(RESULTS_DIR, "bench.log");
  writeFileSync(log, "# bench --quick\n");
  console.log("\n== benchmarks (--quick)");
  const step = await runStep("bench", "npx", ["-y", "pnpm@10", "exec", "tsx", "scripts/bench/main.ts", "--quick"], {
    cwd: ROOT,
    log,
  });
  console.log(`  ${step.ok ? "ok  " : "FAIL"} bench --quick (${step.seconds}s)`);
  results.push({ id: "bench --quick", steps: [step], ok: step.ok });
}

// Summary.
const stepNames = ["generate", "install", "node", "lint", "typecheck", "unit", "build", "e2e", "e2e-real", "flow", "bench"];
const cell = (r: AppResult, name: string) => {
  const step = r.steps.find((s) => s.name === name || (name === "unit" && s.name === "unit+e2e"));
  return step ? `${step.ok ? "ok" : "FAIL"} ${step.seconds}s` : "-";
};
console.log("\n## Summary\n");
console.log(["combination", ...stepNames, "result"].map((h, i) => h.padEnd(i === 0 ? 28 : 13)).join(""));
for (const r of results) {
  const row = [r.id, ...stepNames.map((n) => cell(r, n)), r.ok ? "PASS" : "FAIL"];
  console.log(row.map((c, i) => c.padEnd(i === 0 ? 28 : 13)).join(""));
}
for (const r of results.filter((x) => !x.ok)) {
  const failed = r.steps.find((s) => !s.ok);
  if (!failed) continue;
  const lines = readFileSync(failed.log, "utf8").trimEnd().split("\n");
  console.log(`\n## ${r.id}: ${failed.name} failed — last lines of ${failed.log}\n`);
  console.log(lines.slice(-60).join("\n"));
}
const passed = results.filter((r) => r.ok).length;
const failedCount = results.length - passed;
console.log(`\ntotal time ${Math.round((Date.now() - started) / 1000)}s`);
console.log(`${passed} passed, ${failedCount} failed`);
process.exit(failedCount === 0 ? 0 : 1);
