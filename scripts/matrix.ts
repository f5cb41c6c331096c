/**
 * What CI generates and tests. Every valid stack comes from `allStacks()` (the
 * one rule book); CI runs every JWT and SQLite stack and one PostgreSQL stack,
 * because the PostgreSQL layer differs from SQLite only in the store, which its
 * contract suite already covers against a real server.
 *
 * Each run also says on which Node.js the app is installed, built and tested,
 * and which independent backend (test/backends) it is checked against besides
 * its own mock: `realE2e` runs the app's whole end-to-end suite against it,
 * `flow` the scripted HTTP flow (scripts/flow-check.ts).
 */
import { allStacks, stackId, type Stack } from "../packages/create-next-jwt-auth/src/options.js";
import type { BackendVariantName } from "./independent-backends.js";

export function ciStacks(): Stack[] {
  return allStacks().filter((s) => s.db !== "postgres" || s.backend === "nestjs");
}

export type NodeMajor = 20 | 24;

export interface CiRun {
  stack: Stack;
  node: NodeMajor;
  realE2e?: BackendVariantName;
  flow?: BackendVariantName;
}

/**
 * Node 24 gets one stack per storage (REST, whose variant backend needs the
 * most configuration); every backend style gets its whole e2e suite and the
 * flow against its independent backend, and the variants (simple_oauth 5.x
 * with JSON:API users, REST with other paths and fields) the flow.
 */
const PLAN: Record<string, Omit<CiRun, "stack">> = {
  "drupal-jwt": { node: 20, realE2e: "drupal", flow: "drupal" },
  "drupal-db-sqlite": { node: 20, flow: "drupal-5-jsonapi" },
  "rest-jwt": { node: 24, realE2e: "rest", flow: "rest" },
  "rest-db-sqlite": { node: 24, flow: "rest-variant" },
  "nestjs-jwt": { node: 20, realE2e: "nestjs", flow: "nestjs" },
  "nestjs-db-sqlite": { node: 20 },
  "nestjs-db-postgres": { node: 20, flow: "nestjs" },
};

export function ciRuns(): CiRun[] {
  return ciStacks().map((stack) => ({ stack, ...(PLAN[stackId(stack)] ?? { node: 20 }) }));
}

/** How a run is named in logs and the summary: the stack, plus the Node version when not 20. */
export function runId(run: CiRun): string {
  return run.node === 20 ? stackId(run.stack) : `${stackId(run.stack)}-node${run.node}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes("--all")) for (const stack of allStacks()) console.log(stackId(stack));
  else for (const run of ciRuns()) console.log(runId(run), run.realE2e ?? "-", run.flow ?? "-");
}
