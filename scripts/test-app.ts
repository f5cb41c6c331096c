/**
 * Generate one stack with the built CLI, outside the workspace, and run the
 * generated app's own checks: install, lint, typecheck, unit tests, build and
 * end-to-end tests against its built-in mock — then, as the CI plan says
 * (scripts/matrix.ts), its end-to-end suite and the scripted HTTP flow against
 * an independent backend (test/backends), on Node 22, 24 or 26 (from the npm
 * package, scripts/node-runtime.ts). This is what a user gets, tested the way
 * they would test it.
 *
 *   pnpm exec tsx scripts/test-app.ts nestjs-jwt
 *   pnpm exec tsx scripts/test-app.ts rest db sqlite
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { allStacks, stackId, type Stack } from "../packages/create-next-jwt-auth/src/options.js";
import { runFlowStep } from "./flow-step.js";
import { BACKEND_VARIANTS, startBackend } from "./independent-backends.js";
import { ciRuns, DEFAULT_RUN, runId, type CiRun } from "./matrix.js";
import { nodeEnv, nodeVersion, type NodeMajor } from "./node-runtime.js";
import { runStep, type StepResult } from "./run-step.js";
import { E2E_ACCESS_TTL, E2E_REFRESH_TTL } from "../templates/base/e2e/settings.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const CLI = join(ROOT, "packages/create-next-jwt-auth/dist/index.js");
export const RESULTS_DIR = join(ROOT, ".tmp/ci");
export const PNPM = ["-y", "pnpm@10"];
/** Playwright's file filter (a regular expression) for the specs that only the built-in mock can serve. */
export const MOCK_ONLY_SPECS = String.raw`\.mock\.spec\.ts$`;

/**
 * pnpm is reached through npx here, so the CLI cannot find it on PATH; give it
 * the user agent `pnpm create …` would, so the generated `packageManager` field
 * is exercised as users get it.
 */
export async function pnpmUserAgent(): Promise<string> {
  // Not execFileSync: while one row is prepared the previous one's e2e suites and
  // flow run from this process, and `npx` can take seconds on a loaded machine.
  const version = (await promisify(execFile)("npx", [...PNPM, "--version"], { encoding: "utf8" })).stdout.trim();
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

/**
 * Ports must not collide with a dev server the user may have running on
 * 3000/4010, nor with each other when the flow check runs beside the e2e
 * suite (whose two-instances spec also takes the app port + 1 and + 2), nor
 * with the services CI machines run (MariaDB 3306, NATS 4222, PostgreSQL 5432).
 * `CNJA_PORT_OFFSET` moves them all, for two checkouts testing side by side.
 */
function portsFor(stack: Stack) {
  const index = allStacks().findIndex((s) => stackId(s) === stackId(stack));
  const offset = Number(process.env.CNJA_PORT_OFFSET ?? 0);
  return {
    app: offset + 3200 + index * 4,
    mock: offset + 4500 + index * 4,
    flowApp: offset + 3600 + index,
    flowBackend: offset + 4600 + index,
    realApp: offset + 3400 + index * 4,
    realBackend: offset + 4700 + index,
  };
}

/** The plan CI has for a stack, or `DEFAULT_RUN`. `CNJA_NODE=26` picks another Node line. */
export function runFor(stack: Stack): CiRun {
  const run = ciRuns().find((r) => stackId(r.stack) === stackId(stack)) ?? { stack, ...DEFAULT_RUN };
  const node = process.env.CNJA_NODE;
  if (node === undefined) return run;
  if (!["22", "24", "26"].includes(node)) throw new Error(`CNJA_NODE=${node}: expected 22, 24 or 26`);
  return { ...run, node: Number(node) as CiRun["node"] };
}

/**
 * The environment every step of an app run gets: CI mode, the app's and the
 * mock's ports, one NEXTAUTH_SECRET, the user agent of `pnpm create`, and the
 * Node.js release of `node` (scripts/node-runtime.ts) first on PATH.
 */
export async function appEnv(node: NodeMajor, stack: Stack, ports: { app: number; mock: number }): Promise<NodeJS.ProcessEnv> {
  const postgresUrl = process.env.DATABASE_URL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";
  const env: NodeJS.ProcessEnv = {
    CI: "true",
    PORT: String(ports.app),
    MOCK_PORT: String(ports.mock),
    DATABASE_URL_TEST: postgresUrl,
    // One secret for the build and every server, so the e2e bundle scan looks for the one the build saw.
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    npm_config_user_agent: await pnpmUserAgent(),
    ...(stack.db === "postgres" ? { DATABASE_URL: postgresUrl } : {}),
  };
  // Generated apps never run on the machine's Node (the CLI's floor, 20.9, is
  // older than theirs): every step, the CLI included, runs on this line.
  const withNode = await nodeEnv(node, { PATH: process.env.PATH, ...env }, stack);
  // pnpm keys its cache of built native modules by Node major only; a native
  // module must be built against this exact release's headers (scripts/node-runtime.ts).
  withNode.npm_config_side_effects_cache = "false";
  return withNode;
}

/** Adds a step to `steps` and prints its line, `ok  <id> <step> (<s>)`; returns the step. */
export function stepRecorder(id: string, steps: StepResult[]): (result: StepResult) => StepResult {
  return (result) => {
    steps.push(result);
    console.log(`  ${result.ok ? "ok  " : "FAIL"} ${id} ${result.name} (${result.seconds}s)`);
    return result;
  };
}

/**
 * A generated app's own checks, as a user runs them: install, then (on the
 * exact Node release, which the "node" step proves) lint, typecheck, unit
 * tests and the production build. Returns `undefined` when the install failed
 * (nothing after it can mean anything), else whether the build succeeded.
 *
 * @param opts.installArgs extra `pnpm install` arguments (`--no-frozen-lockfile`
 *   where a changed package.json meets a committed lockfile, as after an upgrade)
 */
export async function checkApp(opts: {
  appDir: string;
  env: NodeJS.ProcessEnv;
  log: string;
  node: NodeMajor;
  stack: Stack;
  record: (result: StepResult) => StepResult;
  installArgs?: string[];
}): Promise<{ built: boolean } | undefined> {
  const { appDir, env, log, record } = opts;
  const pnpmStep = (name: string, args: string[]) => runStep(name, "npx", [...PNPM, ...args], { cwd: appDir, env, log });
  if (!record(await pnpmStep("install", ["install", "--reporter=append-only", ...(opts.installArgs ?? [])])).ok) return undefined;
  // Everything below runs on this exact Node.js release, or the run fails here.
  const want = nodeVersion(opts.node, opts.stack);
  const nodeCheck = `const v = process.versions.node; console.log("node " + v); process.exit(v === "${want}" ? 0 : 1)`;
  record(await runStep("node", "node", ["-e", nodeCheck], { cwd: appDir, env, log }));
  for (const name of ["lint", "typecheck"]) record(await pnpmStep(name, ["run", name]));
  record(await pnpmStep("unit", ["run", "test"]));
  return { built: record(await pnpmStep("build", ["run", "build"])).ok };
}

/** A generated app checked and built by `prepareApp`, waiting for `exerciseApp`. */
export interface PreparedApp {
  run: CiRun;
  id: string;
  appDir: string;
  log: string;
  ports: ReturnType<typeof portsFor>;
  env: NodeJS.ProcessEnv;
  steps: StepResult[];
  record: (result: StepResult) => StepResult;
  /** `undefined` when generation or the install failed: nothing more can run. */
  checked: { built: boolean } | undefined;
}

/** `prepareApp` then `exerciseApp`: one CI row, start to end. */
export async function testApp(run: CiRun): Promise<AppResult> {
  return exerciseApp(await prepareApp(run));
}

/**
 * The first half of a CI row, the one that keeps the cores busy: generate the
 * app, install it, lint, typecheck, unit tests and the production build
 * (`checkApp`). scripts/test-all.ts runs it while the previous row is in
 * `exerciseApp` (scripts/pipeline.ts).
 */
export async function prepareApp(run: CiRun): Promise<PreparedApp> {
  const { stack } = run;
  const id = runId(run);
  const workDir = join(tmpdir(), "cnja-ci");
  const appDir = join(workDir, id);
  mkdirSync(RESULTS_DIR, { recursive: true });
  mkdirSync(workDir, { recursive: true });
  // A previous run's app, node_modules and all: removed without blocking the row being exercised.
  await rm(appDir, { recursive: true, force: true });
  const log = join(RESULTS_DIR, `${id}.log`);
  writeFileSync(log, `# ${id}\n`);

  const ports = portsFor(stack);
  const env = await appEnv(run.node, stack, ports);

  const steps: StepResult[] = [];
  const record = stepRecorder(id, steps);

  const generated = record(
    await runStep(
      "generate",
      "node",
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
      { cwd: workDir, env, log },
    ),
  );
  // Later steps cannot mean anything once generation failed.
  const checked = generated.ok ? await checkApp({ appDir, env, log, node: run.node, stack, record }) : undefined;
  return { run, id, appDir, log, ports, env, steps, record, checked };
}

/**
 * The second half of a CI row, mostly waiting for tokens to expire: the e2e
 * suites against the mock and/or the independent backend and the scripted
 * flow, as the plan says (scripts/matrix.ts). Writes `<id>.json` and returns
 * the row's result.
 */
export async function exerciseApp(prepared: PreparedApp): Promise<AppResult> {
  const { run, id, appDir, log, ports, env, steps, record, checked } = prepared;
  const { stack } = run;
  const pnpmStep = (name: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    runStep(name, "npx", [...PNPM, ...args], { cwd: appDir, env: { ...env, ...extraEnv }, log });
  // Every run has an "e2e" step against the mock: the whole suite, or (when the
  // independent backend gets the whole suite) the specs only the mock can run.
  const planned = 8 + (run.realE2e ? 1 : 0) + (run.flow ? 1 : 0);
  if (checked) {
    const { built } = checked;
    const e2e = run.mockE2e ? pnpmStep("e2e", ["run", "test:e2e"], { E2E_REUSE_BUILD: built ? "1" : "0" }) : undefined;
    const flow = (flowAppEnv?: Record<string, string>) =>
      runFlowStep({
        name: "flow",
        appDir,
        variant: run.flow!,
        appPort: ports.flowApp,
        backendPort: ports.flowBackend,
        env,
        appEnv: flowAppEnv,
        log: join(RESULTS_DIR, `${id}.flow.log`),
      });
    // The flow mostly waits for tokens to expire, as the e2e suite does: run
    // them side by side (beside the mock suite, or the independent-backend one
    // when there is no mock suite), the flow with its own SQLite file.
    // PostgreSQL stacks share one database, whose sessions page the e2e suite
    // reads: one after the other.
    const concurrentFlow = built && run.flow && stack.db !== "postgres";
    const flowNow = () => (concurrentFlow ? flow(stack.db === "sqlite" ? { DATABASE_URL: "file:./.data/flow-check.db" } : {}) : undefined);
    const [e2eResult, flowResult] = await Promise.all([e2e, e2e ? flowNow() : undefined]);
    if (e2eResult) record(e2eResult);
    if (flowResult) record(flowResult);
    if (built && run.realE2e) {
      const [realResult, lateFlow] = await Promise.all([realE2e(run, appDir, env, ports, log), e2e ? undefined : flowNow()]);
      record(realResult);
      if (lateFlow) record(lateFlow);
    }
    // The *.mock.spec.ts files need the mock's fault controls (/__mock/faults),
    // which the independent backends do not have: they run here, against the mock.
    if (!e2e) record(await pnpmStep("e2e", ["run", "test:e2e", MOCK_ONLY_SPECS], { E2E_REUSE_BUILD: built ? "1" : "0" }));
    // A run with a flow but no e2e suite to run it beside (not in today's plan) still gets its flow.
    if (concurrentFlow && !e2e && !run.realE2e) record(await flow(stack.db === "sqlite" ? { DATABASE_URL: "file:./.data/flow-check.db" } : {}));
    if (built && run.flow && !concurrentFlow) record(await flow());
  }
  const result = { id, steps, ok: steps.length === planned && steps.every((s) => s.ok) };
  writeFileSync(join(RESULTS_DIR, `${id}.json`), JSON.stringify(result, null, 2));
  return result;
}

/** The app's whole e2e suite against an independent backend instead of its mock. */
async function realE2e(
  run: CiRun,
  appDir: string,
  env: NodeJS.ProcessEnv,
  ports: ReturnType<typeof portsFor>,
  log: string,
): Promise<StepResult> {
  const name = `e2e-real`;
  const variant = run.realE2e!;
  const backend = await startBackend(variant, {
    port: ports.realBackend,
    accessTtl: E2E_ACCESS_TTL,
    refreshTtl: E2E_REFRESH_TTL,
    log,
  }).catch((error: Error) => error);
  if (backend instanceof Error) {
    writeFileSync(log, `\n${backend.message}\n`, { flag: "a" });
    return { name, ok: false, seconds: 0, log };
  }
  try {
    return await runStep(name, "npx", [...PNPM, "run", "test:e2e"], {
      cwd: appDir,
      env: {
        ...env,
        ...BACKEND_VARIANTS[variant].appEnv(),
        PORT: String(ports.realApp),
        E2E_BACKEND_URL: backend.url,
        E2E_REUSE_BUILD: "1",
      },
      log,
    });
  } finally {
    await backend.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stack = parseStack(process.argv.slice(2));
  const result = await testApp(runFor(stack));
  process.exit(result.ok ? 0 : 1);
}
