/**
 * Section 5: what reading the session costs per request, for each storage,
 * measured inside one process (scripts/bench/session-cost-probe.ts, run in a
 * generated database-session app).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { goals, table } from "./markdown.js";
import { backendTokens, startRestBackend } from "./services.js";
import { median, ratio, round } from "./stats.js";
import { ROOT, type BenchApps } from "./workspace.js";

export interface SessionCostResult {
  timeMs: number;
  rounds: number;
  cookieBytes: number;
  /** Task → per-round p50/p99/mean in microseconds. */
  samples: Record<string, { p50: number[]; p99: number[]; mean: number[] }>;
}

export async function measureSessionCost(
  apps: BenchApps,
  options: { timeMs: number; rounds: number; postgresUrl: string; backendPort: number },
): Promise<SessionCostResult> {
  // Real tokens, so the cookie and the rows are the size a session really has.
  const backend = await startRestBackend(options.backendPort, 3600);
  const tokens = await backendTokens(backend.url).finally(() => backend.stop());
  const dataDir = join(apps.db, ".data");
  mkdirSync(dataDir, { recursive: true });
  const sqliteFile = join(dataDir, "bench-session-cost.db");
  rmSync(sqliteFile, { force: true });
  const input = {
    secret: apps.secret,
    sqliteFile,
    postgresUrl: options.postgresUrl,
    postgresApp: apps.dbPostgres,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    timeMs: options.timeMs,
    rounds: options.rounds,
  };
  const out = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", join(ROOT, "scripts/bench/session-cost-probe.ts")],
    { cwd: apps.db, encoding: "utf8", env: { ...process.env, BENCH_INPUT: JSON.stringify(input) } },
  );
  const last = out.trim().split("\n").at(-1)!;
  const parsed = JSON.parse(last) as Pick<SessionCostResult, "cookieBytes" | "samples">;
  return { timeMs: options.timeMs, rounds: options.rounds, ...parsed };
}

export function renderSessionCost(result: SessionCostResult): string {
  const names = Object.keys(result.samples);
  const jwt = names.find((n) => n.startsWith("jwt"))!;
  const jwtP50 = median(result.samples[jwt]!.p50);
  const rows = names.map((name) => {
    const s = result.samples[name]!;
    return [name, round(median(s.p50), 1), round(median(s.p99), 1), round(median(s.mean), 1), `${ratio(median(s.p50), jwtP50)}×`];
  });
  return [
    `tinybench in one Node.js process, ${result.rounds} rounds of ${result.timeMs} ms per task (order alternating), medians of the rounds' figures, in microseconds. The JWT cookie here is ${result.cookieBytes} characters (the claims the JWT-cookie storage writes, with real tokens from the REST backend); the database rows hold the same tokens, AES-GCM encrypted. PostgreSQL is the local server over TCP.`,
    "",
    table(["per request", "p50 µs", "p99 µs", "mean µs", "ratio to JWE decrypt (p50)"], rows),
    "",
    goals([
      {
        goal: "measured, no goal set: the cost of each storage per request",
        met: true,
        measured: names.map((n) => `${n.split(":")[0]} ${n.includes("SQLite") ? "SQLite" : n.includes("PostgreSQL") ? "PostgreSQL" : "JWE"} ${round(median(result.samples[n]!.p50), 0)} µs`).join(", "),
      },
    ]),
  ].join("\n");
}
