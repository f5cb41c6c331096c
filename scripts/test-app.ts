/**
 * Generate one stack with the built CLI, outside the workspace, and run the
 * generated app's own checks: install, lint, typecheck, unit tests, build and
 * end-to-end tests. This is what a user gets, tested the way they would test it.
 *
 *   pnpm exec tsx scripts/test-app.ts nestjs-jwt
 *   pnpm exec tsx scripts/test-app.ts rest db sqlite
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { allStacks, stackId, type Stack } from "../packages/create-next-jwt-auth/src/options.js";
import { runStep, type StepResult } from "./run-step.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const CLI = join(ROOT, "packages/create-next-jwt-auth/dist/index.js");
export const RESULTS_DIR = join(ROOT, ".tmp/ci");
const PNPM = ["-y", "pnpm@10"];

/**
 * pnpm is reached through npx here, so the CLI cannot find it on PATH; give it
 * the user agent `pnpm create …` would, so the generated `packageManager` field
 * is exercised as users get it.
 */
function pnpmUserAgent(): string {
  const version = execFileSync("npx", [...PNPM, "--version"], { encoding: "utf8" }).trim();
  return `pnpm/${version} npm/? node/${process.version} ${process.platform} ${process.arch}`;
}

export interface AppResult {
  id: string;
  steps: StepResult[];
  ok: boolean;
}

/** Parse `nestjs-jwt`, `rest-db-sqlite` or `rest db sqlite` into a valid stack. */
export function parseStack(args: string[]): Stack {
  const id = args.join("-");
  const stack = allStacks().find((s) => stackId(s) === id || (s.db === "sqlite" && `${s.backend}-db` === id));
  if (!stack) {
    throw new Error(`unknown stack "${id}"; valid: ${allStacks().map(stackId).join(", ")}`);
  }
  return stack;
}

/** Ports must not collide with a dev server the user may have running on 3000/4010. */
function portsFor(stack: Stack): { app: number; mock: number } {
  const index = allStacks().findIndex((s) => stackId(s) === stackId(stack));
  return { app: 3200 + index, mock: 4500 + index };
}

export async function testApp(stack: Stack): Promise<AppResult> {
  const id = stackId(stack);
  const workDir = join(tmpdir(), "cnja-ci");
  const appDir = join(workDir, id);
  mkdirSync(RESULTS_DIR, { recursive: true });
  mkdirSync(workDir, { recursive: true });
  rmSync(appDir, { recursive: true, force: true });
  const log = join(RESULTS_DIR, `${id}.log`);
  writeFileSync(log, `# ${id}\n`);

  const ports = portsFor(stack);
  const postgresUrl = process.env.DATABASE_URL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";
  const env: NodeJS.ProcessEnv = {
    CI: "true",
    PORT: String(ports.app),
    MOCK_PORT: String(ports.mock),
    DATABASE_URL_TEST: postgresUrl,
    npm_config_user_agent: pnpmUserAgent(),
    ...(stack.db === "postgres" ? { DATABASE_URL: postgresUrl } : {}),
  };

  const steps: StepResult[] = [];
  const plan: [string, string, string[], string][] = [
    [
      "generate",
      process.execPath,
      [
        CLI,
        appDir,
        "--backend",
        stack.backend,
        "--session",
        stack.session,
        ...(stack.db ? ["--db", stack.db] : []),
        "--package-manager",
        "pnpm",
        "--no-install",
        "--no-git",
        "--yes",
      ],
      workDir,
    ],
    ["install", "npx", [...PNPM, "install", "--reporter=append-only"], appDir],
    ["lint", "npx", [...PNPM, "run", "lint"], appDir],
    ["typecheck", "npx", [...PNPM, "run", "typecheck"], appDir],
    ["unit", "npx", [...PNPM, "run", "test"], appDir],
    ["build", "npx", [...PNPM, "run", "build"], appDir],
    ["e2e", "npx", [...PNPM, "run", "test:e2e"], appDir],
  ];
  for (const [name, command, args, cwd] of plan) {
    const result = await runStep(name, command, args, { cwd, env, log });
    steps.push(result);
    console.log(`  ${result.ok ? "ok  " : "FAIL"} ${id} ${name} (${result.seconds}s)`);
    // Later steps cannot mean anything once generation or install failed.
    if (!result.ok && (name === "generate" || name === "install")) break;
  }
  const result = { id, steps, ok: steps.length === plan.length && steps.every((s) => s.ok) };
  writeFileSync(join(RESULTS_DIR, `${id}.json`), JSON.stringify(result, null, 2));
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stack = parseStack(process.argv.slice(2));
  const result = await testApp(stack);
  process.exit(result.ok ? 0 : 1);
}
