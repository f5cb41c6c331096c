/**
 * Section 1: how fast the CLI starts and writes a project, against
 * create-next-app in the same run. Every case is a fresh `node` process, as a
 * user's `npx` starts one; cases are interleaved so drift in machine load hits
 * all of them alike.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allStacks, stackId, type Stack } from "../../packages/create-next-jwt-auth/src/options.js";
import { goals, table, type Goal } from "./markdown.js";
import { median, ratio, round } from "./stats.js";
import { OUR_CLI, PEER_VERSION, ensurePeerCli, npxUserAgent } from "./workspace.js";

export interface CliSpeedResult {
  runs: number;
  /** Case name → wall-clock milliseconds of each run. */
  samples: Record<string, number[]>;
  /** Scaffold case name → number of files it wrote. */
  files: Record<string, number>;
}

const FLOOR = "node -e '' (Node.js start, the floor of both)";
const PEER_HELP = "create-next-app --help";
const OUR_HELP = "create-next-jwt-auth --help";
const PEER_SCAFFOLD = "create-next-app --yes --skip-install --disable-git";
const ourScaffold = (stack: Stack) => `create-next-jwt-auth ${stackId(stack)} --yes --no-install --no-git`;

function stackFlags(stack: Stack): string[] {
  return ["--backend", stack.backend, "--session", stack.session, ...(stack.db ? ["--db", stack.db] : [])];
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

/** Run every case `runs` times, interleaved. */
export function measureCliSpeed(runs: number): CliSpeedResult {
  const peer = ensurePeerCli();
  const scratch = mkdtempSync(join(tmpdir(), "cnja-bench-cli-"));
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", npm_config_user_agent: npxUserAgent() };
  let made = 0;
  const time = (args: string[]): number => {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: scratch, stdio: "ignore", env });
    const elapsed = performance.now() - started;
    if (result.status !== 0) throw new Error(`failed (exit ${result.status}): node ${args.join(" ")}`);
    return elapsed;
  };
  // A fresh lowercase directory each run: it becomes the package name.
  const lastDir: Record<string, string> = {};
  const fresh = (name: string) => (lastDir[name] = join(scratch, `app-${made++}`));
  const cases: Record<string, () => number> = {
    [FLOOR]: () => time(["-e", ""]),
    [PEER_HELP]: () => time([peer, "--help"]),
    [OUR_HELP]: () => time([OUR_CLI, "--help"]),
    [PEER_SCAFFOLD]: () => time([peer, fresh(PEER_SCAFFOLD), "--yes", "--skip-install", "--disable-git"]),
    ...Object.fromEntries(
      allStacks().map((stack) => [
        ourScaffold(stack),
        () => time([OUR_CLI, fresh(ourScaffold(stack)), ...stackFlags(stack), "--yes", "--no-install", "--no-git"]),
      ]),
    ),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  try {
    cases[FLOOR]!(); // warm the file cache before anything is kept
    for (let i = 0; i < runs; i++) {
      for (const [name, run] of Object.entries(cases)) samples[name]!.push(round(run(), 2));
    }
    const files = Object.fromEntries(Object.entries(lastDir).map(([name, dir]) => [name, countFiles(dir)]));
    return { runs, samples, files };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The section of BENCHMARKS.md. */
export function renderCliSpeed(result: CliSpeedResult): string {
  const m = (name: string) => median(result.samples[name]!);
  const floor = m(FLOOR);
  const peerHelp = m(PEER_HELP);
  const peerScaffold = m(PEER_SCAFFOLD);
  const rows = Object.keys(result.samples).map((name) => {
    const peer = name.includes("--help") ? peerHelp : name === FLOOR ? peerHelp : peerScaffold;
    const value = m(name);
    return [
      name,
      round(value, 0),
      round(value - floor, 0),
      name === FLOOR ? "—" : `${ratio(value, peer)}×`,
      result.files[name] ?? "—",
    ];
  });
  const ourScaffolds = allStacks().map((s) => m(ourScaffold(s)));
  const slowest = Math.max(...ourScaffolds);
  const help = m(OUR_HELP);
  const list: Goal[] = [
    {
      goal: "CLI start under 150 ms",
      met: help < 150,
      measured: `\`--help\` median ${round(help, 0)} ms (Node.js alone: ${round(floor, 0)} ms)`,
      why: `over by ${round(help - 150, 0)} ms; Node.js's own start is ${round(floor, 0)} ms of it on this machine in this run`,
    },
    {
      goal: "scaffold at most half of create-next-app's time",
      met: slowest <= peerScaffold / 2,
      measured: `slowest combination ${round(slowest, 0)} ms vs ${round(peerScaffold, 0)} ms: ${ratio(slowest, peerScaffold)}×; above Node.js's own start: ${round(slowest - floor, 0)} vs ${round(peerScaffold - floor, 0)} ms (${ratio(slowest - floor, Math.max(1, peerScaffold - floor))}×)`,
      why:
        `half of create-next-app's scaffold is ${round(peerScaffold / 2, 0)} ms, ` +
        `${peerScaffold / 2 < floor ? "less than Node.js needs to start at all" : `only ${round(peerScaffold / 2 - floor, 0)} ms above Node.js's own start`} ` +
        `(${round(floor, 0)} ms), and both CLIs start Node.js; ours also writes more (a full app with its tests: ${Math.min(...allStacks().map((s) => result.files[ourScaffold(s)]!))}–${Math.max(...allStacks().map((s) => result.files[ourScaffold(s)]!))} files vs create-next-app's ${result.files[PEER_SCAFFOLD]})`,
    },
  ];
  return [
    `Medians of ${result.runs} interleaved runs; each run is a new \`node\` process (wall clock, as \`npx\` would start it, without the download). Peer: create-next-app@${PEER_VERSION}, installed locally.`,
    "",
    table(["case", "median ms", "above node start, ms", "ratio to create-next-app", "files written"], rows),
    "",
    goals(list),
  ].join("\n");
}
