/**
 * What CI generates and tests. Every valid stack comes from `allStacks()` (the
 * one rule book); CI runs every JWT and SQLite stack and one PostgreSQL stack,
 * because the PostgreSQL layer differs from SQLite only in the store, which its
 * contract suite already covers against a real server.
 *
 * Each run also says on which Node.js line the app is installed, built and
 * tested (never the machine's own Node: see scripts/node-runtime.ts), and
 * where its end-to-end suite runs: against the app's built-in mock (`mockE2e`)
 * and/or against an independent backend (`realE2e`, test/backends); `flow` is
 * the scripted HTTP flow (scripts/flow-check.ts) against one.
 */
import { allStacks, stackId, type Stack } from "../packages/create-next-jwt-auth/src/options.js";
import type { BackendVariantName } from "./independent-backends.js";
import type { NodeMajor } from "./node-runtime.js";

export function ciStacks(): Stack[] {
  return allStacks().filter((s) => s.db !== "postgres" || s.backend === "nestjs");
}

export interface CiRun {
  stack: Stack;
  node: NodeMajor;
  /**
   * The whole e2e suite against the app's own mock backend; otherwise only
   * the specs that need the mock's fault controls (`*.mock.spec.ts`).
   */
  mockE2e: boolean;
  realE2e?: BackendVariantName;
  flow?: BackendVariantName;
}

/**
 * Every Node line gets a JWT and a database stack through lint, typecheck,
 * unit, build and e2e: 22 (the apps' floor, tested at the exact floor release)
 * Drupal, 24 REST and the PostgreSQL stack, 26 NestJS.
 *
 * The e2e suite runs once per backend style against each kind of backend
 * rather than once per storage: the style's database stacks run it against
 * the built-in mock (which is what `dev` uses, so it is the mock's test too),
 * its JWT stack against the independent backend, plus the mock-only specs (outages
 * and faults injected through `/__mock/faults`) against its mock. The session
 * layer and the backend adapter are thereby each proven end to end against both
 * kinds of backend; what is not repeated is the rest of the JWT app's suite
 * against the mock, whose parts the other two runs of the same style cover. The flow runs for every
 * style and for the variants (simple_oauth 5.x with JSON:API users, REST with
 * other paths and fields).
 */
const PLAN: Record<string, Omit<CiRun, "stack">> = {
  "drupal-jwt": { node: 22, mockE2e: false, realE2e: "drupal", flow: "drupal" },
  "drupal-db-sqlite": { node: 22, mockE2e: true, flow: "drupal-5-jsonapi" },
  "rest-jwt": { node: 24, mockE2e: false, realE2e: "rest", flow: "rest" },
  "rest-db-sqlite": { node: 24, mockE2e: true, flow: "rest-variant" },
  "nestjs-jwt": { node: 26, mockE2e: false, realE2e: "nestjs", flow: "nestjs" },
  // Its whole suite runs on the app upgraded from jwt to this stack (scripts/test-upgrade.ts),
  // which is checked byte-identical to a fresh render apart from the user's edits.
  "nestjs-db-sqlite": { node: 26, mockE2e: false },
  "nestjs-db-postgres": { node: 24, mockE2e: true, flow: "nestjs" },
};

/** A stack outside the plan: the newest LTS line, e2e against its mock. */
export const DEFAULT_RUN: Omit<CiRun, "stack"> = { node: 24, mockE2e: true };

export function ciRuns(): CiRun[] {
  return ciStacks().map((stack) => ({ stack, ...(PLAN[stackId(stack)] ?? DEFAULT_RUN) }));
}

/** How a run is named in logs and the summary: the stack and its Node line. */
export function runId(run: CiRun): string {
  return `${stackId(run.stack)}-node${run.node}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes("--all")) for (const stack of allStacks()) console.log(stackId(stack));
  else for (const run of ciRuns()) console.log(runId(run), run.mockE2e ? "mock" : "-", run.realE2e ?? "-", run.flow ?? "-");
}
