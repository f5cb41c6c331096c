/**
 * `npm run bench`: the generator and the generated app measured side by side
 * with what users would pick instead, in one run, on this machine. Writes
 * BENCHMARKS.md and scripts/bench/results.json (raw numbers) and prints the
 * Markdown. Exit code 1 when something is broken (a proxy run with errors, a
 * refresh burst that refreshed more than once), never for a slow figure.
 *
 *   npm run bench                      # full run, ~14 minutes on 2 cores
 *   npm run bench -- --quick           # every section once, small; writes to .tmp/bench-quick
 *   npm run bench -- --only cli,proxy  # some sections (apps are prepared as needed)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LABELS, measureInstallsAndBuilds, renderAppWeight, type AppWeightResult, type FirstLoad } from "./app-weight.js";
import { measureCliSpeed, renderCliSpeed } from "./cli-speed.js";
import { firstLoads } from "./first-loads.js";
import { machineInfo, peerNextVersion } from "./machine.js";
import { measureProxyOverhead, renderProxyOverhead } from "./proxy-overhead.js";
import { measureRefreshBurst, refreshInvariantHeld, renderRefreshBurst } from "./refresh-burst.js";
import { benchPostgresUrl, ensureRestBackendBuilt } from "./services.js";
import { measureSessionCost, renderSessionCost } from "./session-cost.js";
import { ROOT, benchDir, prepareApps, type BenchApps } from "./workspace.js";
import { nodeIsSupported } from "../../packages/create-next-jwt-auth/src/version.js";
import { nodeEnv } from "../node-runtime.js";

// The apps need Node 22.14+ (better-sqlite3 13); started on an older Node (the
// workspace's floor is 20.9), run the whole bench again on Node 24 instead.
if (!nodeIsSupported(process.versions.node, [22, 14])) {
  const env = await nodeEnv(24, process.env);
  console.log(`bench: Node ${process.versions.node} is older than the apps' floor; running on Node 24`);
  const again = spawnSync("node", [...process.execArgv, ...process.argv.slice(1)], { env, stdio: "inherit" });
  process.exit(again.status ?? 1);
}

const SECTIONS = ["cli", "weight", "proxy", "refresh", "session"] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    out: { type: "string" },
  },
});
const quick = values.quick ?? false;
const only = values.only?.split(",").map((s) => s.trim()) ?? [...SECTIONS];
for (const name of only) {
  if (!(SECTIONS as readonly string[]).includes(name)) {
    console.error(`unknown section "${name}"; sections: ${SECTIONS.join(", ")}`);
    process.exit(2);
  }
}
const wanted = (section: Section) => only.includes(section);
const outDir = values.out ?? (quick ? join(ROOT, ".tmp/bench-quick") : undefined);

/** Sizes of a full run and of `--quick` (a smoke run: every code path once). */
const PLAN = quick
  ? { cliRuns: 3, builds: 1, proxySeconds: 1, proxyWarmup: 1, connections: [10], proxyRounds: 1, burst: 100, burstRounds: 1, costMs: 100, costRounds: 1 }
  : { cliRuns: 15, builds: 3, proxySeconds: 4, proxyWarmup: 20, connections: [1, 10, 50], proxyRounds: 3, burst: 100, burstRounds: 3, costMs: 1000, costRounds: 3 };
const PORTS = { app: 3870, backend: 4870 };

const started = performance.now();
const log = (line: string) => console.log(`[bench ${Math.round((performance.now() - started) / 1000)}s] ${line}`);
const needsApps = only.some((s) => s !== "cli");
const postgresUrl = wanted("proxy") || wanted("refresh") || wanted("session") ? benchPostgresUrl() : undefined;
const machine = machineInfo(postgresUrl);
const results: Record<string, unknown> = { machine, plan: PLAN, quick };
const sections: string[] = [];
let broken = false;

if (wanted("cli")) {
  log("1/5 CLI start and scaffold");
  const cli = measureCliSpeed(PLAN.cliRuns);
  results.cli = cli;
  sections.push(`## 1. CLI start and scaffold\n\n${renderCliSpeed(cli)}`);
}

let apps: BenchApps | undefined;
if (needsApps) {
  ensureRestBackendBuilt();
  log("preparing apps (generate + pnpm install)");
  apps = prepareApps(benchDir(), log);
  results.peerNext = peerNextVersion(apps.peer);
  // The app sections need built apps: the weight section's timed builds leave them, else build once here.
  const { weights, builds } = measureInstallsAndBuilds(apps, wanted("weight") ? PLAN.builds : 1, log);
  if (wanted("weight")) {
    log("2/5 first-load JavaScript");
    const firstLoad: FirstLoad[] = await firstLoads(apps, PORTS, log);
    const weight: AppWeightResult = { weights, builds, firstLoad };
    results.weight = weight;
    sections.push(
      `## 2. The generated app's weight\n\ncreate-next-app's default app pins next@${String(results.peerNext)}; ours pin next@${machine.versions.next}. Its layout's \`next/font/google\` import (Geist) is removed before building: fonts.googleapis.com is unreachable here and the build fails on it; without the font download the peer builds with less work, so the build ratio errs in its favour.\n\n${renderAppWeight(weight)}`,
    );
  }
}

if (apps && wanted("proxy")) {
  log("3/5 proxy overhead");
  try {
    const proxy = await measureProxyOverhead(
      apps,
      { connections: PLAN.connections, seconds: PLAN.proxySeconds, warmupSeconds: PLAN.proxyWarmup, rounds: PLAN.proxyRounds, postgresUrl: postgresUrl!, ports: PORTS },
      log,
    );
    results.proxy = proxy;
    sections.push(`## 3. Proxy overhead\n\n${renderProxyOverhead(proxy)}`);
  } catch (error) {
    broken = true;
    sections.push(`## 3. Proxy overhead\n\nFAILED: ${String(error)}`);
    log(`proxy FAILED: ${String(error)}`);
  }
}

if (apps && wanted("refresh")) {
  log("4/5 refresh under load");
  try {
    const refresh = await measureRefreshBurst(
      apps,
      { concurrency: PLAN.burst, rounds: PLAN.burstRounds, postgresUrl: postgresUrl!, ports: PORTS },
      log,
    );
    results.refresh = refresh;
    if (!refreshInvariantHeld(refresh)) broken = true;
    sections.push(`## 4. Refresh under load\n\n${renderRefreshBurst(refresh)}`);
  } catch (error) {
    broken = true;
    sections.push(`## 4. Refresh under load\n\nFAILED: ${String(error)}`);
    log(`refresh FAILED: ${String(error)}`);
  }
}

if (apps && wanted("session")) {
  log("5/5 session cost per request");
  const cost = await measureSessionCost(apps, {
    timeMs: PLAN.costMs,
    rounds: PLAN.costRounds,
    postgresUrl: postgresUrl!,
    backendPort: PORTS.backend,
  });
  results.sessionCost = cost;
  sections.push(`## 5. Session cost per request\n\n${renderSessionCost(cost)}`);
}

const seconds = Math.round((performance.now() - started) / 1000);
results.seconds = seconds;
const markdown = [
  "# Benchmarks",
  "",
  `Measured ${machine.date.slice(0, 10)} by \`npm run bench${quick ? " -- --quick" : ""}\` (scripts/bench/) in ${Math.floor(seconds / 60)} min ${seconds % 60} s. Raw numbers: [${outDir ? "results.json" : "scripts/bench/results.json"}](${outDir ? "results.json" : "scripts/bench/results.json"}).`,
  "",
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Linux ${machine.kernel}; load average ${machine.loadAverageAtStart.join(" ")} at the start. Node.js ${machine.node}, pnpm ${machine.pnpm}, ${machine.chromium}, PostgreSQL ${machine.postgres}.`,
  `Versions: ${Object.entries(machine.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(", ")}. Apps measured: ${Object.values(LABELS).join("; ")}.`,
  "",
  "These machines are noisy: every figure is a median over several runs, and every comparison is a ratio against a peer measured in the same run, interleaved with it. Load generator, app and backend share the two cores. No figure here is asserted by a test; correctness (all 2xx, one refresh per session) is, and a run that breaks it exits 1.",
  "",
  ...sections.flatMap((s) => [s, ""]),
  // Measured once for a decision, not on every run; kept here so a bench run does not drop them.
  readFileSync(join(ROOT, "scripts/bench/platform-notes.md"), "utf8").trimEnd(),
  "",
].join("\n");

const mdPath = outDir ? join(outDir, "BENCHMARKS.md") : join(ROOT, "BENCHMARKS.md");
const jsonPath = outDir ? join(outDir, "results.json") : join(ROOT, "scripts/bench/results.json");
if (outDir) mkdirSync(outDir, { recursive: true });
writeFileSync(mdPath, markdown);
writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${markdown}`);
log(`wrote ${mdPath} and ${jsonPath}`);
if (broken) {
  console.error("bench: something is broken (see FAILED above): exit 1");
  process.exit(1);
}
