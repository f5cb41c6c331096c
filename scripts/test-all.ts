/**
 * Everything CI runs: the CLI's own checks, then every CI stack generated,
 * installed and tested as a user would. Prints a table and a closing
 * "N passed, N failed" line. `CNJA_STACKS=nestjs-jwt,rest-jwt` narrows the matrix.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stackId } from "../packages/create-next-jwt-auth/src/options.js";
import { ciStacks } from "./matrix.js";
import { runStep } from "./run-step.js";
import { RESULTS_DIR, parseStack, testApp, type AppResult } from "./test-app.js";
import { mkdirSync, writeFileSync } from "node:fs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const started = Date.now();
mkdirSync(RESULTS_DIR, { recursive: true });

const results: AppResult[] = [];

// The CLI package: typecheck and its unit + end-to-end tests.
{
  const log = join(RESULTS_DIR, "cli.log");
  writeFileSync(log, "# cli\n");
  const cwd = join(ROOT, "packages/create-next-jwt-auth");
  const steps = [];
  for (const [name, args] of [
    ["typecheck", ["-y", "pnpm@10", "run", "typecheck"]],
    ["unit+e2e", ["-y", "pnpm@10", "run", "test"]],
  ] as const) {
    const step = await runStep(name, "npx", [...args], { cwd, log });
    console.log(`  ${step.ok ? "ok  " : "FAIL"} cli ${name} (${step.seconds}s)`);
    steps.push(step);
  }
  results.push({ id: "cli", steps, ok: steps.every((s) => s.ok) });
}

const selected = process.env.CNJA_STACKS
  ? process.env.CNJA_STACKS.split(",").map((id) => parseStack([id.trim()]))
  : ciStacks();
for (const stack of selected) {
  console.log(`\n== ${stackId(stack)}`);
  results.push(await testApp(stack));
}

// Summary.
const stepNames = ["generate", "install", "lint", "typecheck", "unit", "build", "e2e"];
const cell = (r: AppResult, name: string) => {
  const step = r.steps.find((s) => s.name === name || (name === "unit" && s.name === "unit+e2e"));
  return step ? `${step.ok ? "ok" : "FAIL"} ${step.seconds}s` : "-";
};
console.log("\n## Summary\n");
console.log(["combination", ...stepNames].map((h) => h.padEnd(16)).join(""));
for (const r of results) {
  const row =
    r.id === "cli"
      ? ["cli", "", "", "", cell(r, "typecheck"), cell(r, "unit"), "", ""]
      : [r.id, ...stepNames.map((n) => cell(r, n))];
  console.log(row.map((c) => c.padEnd(16)).join(""));
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
