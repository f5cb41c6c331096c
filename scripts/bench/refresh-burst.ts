/**
 * Section 4: a burst of concurrent requests from one session right after its
 * access token expired. All of them must succeed with exactly one refresh at
 * the backend and no refresh token sent twice; its latency is compared with
 * the same burst on a fresh token (no refresh) in the same round.
 */
import { CookieJar, proxyHeaders, signIn } from "../http-session.js";
import type { RunningApp } from "../built-app.js";
import { goals, table, type Goal } from "./markdown.js";
import { backendStats, resetBackend } from "../independent-backends.js";
import { startRestBackend } from "./services.js";
import { median, percentile, ratio, round } from "./stats.js";
import { STORAGE_LABELS, STORAGES, startStorageApp, type StorageName } from "./storages.js";
import type { BenchApps } from "./workspace.js";

const RESOURCE = "api/items";
/**
 * Long enough that a burst right after sign-in needs no refresh (the app
 * refreshes 5 s before expiry, database sessions 2 s earlier still), short
 * enough to wait out in every round.
 */
const ACCESS_TTL = 10;

export type Scenario = StorageName | "db-postgres-2-instances";
export const SCENARIO_LABELS: Record<Scenario, string> = {
  ...STORAGE_LABELS,
  "db-postgres-2-instances": "database session, PostgreSQL, two app instances",
};

export interface BurstRound {
  /** Latencies (ms) of the burst on a fresh access token. */
  fresh: number[];
  /** Latencies (ms) of the burst right after expiry. */
  expired: number[];
  /** Backend refreshes the expired burst caused (must be 1), refused and reused refresh tokens (must be 0). */
  refreshes: number;
  rejected: number;
  reused: number;
}

export interface RefreshBurstResult {
  concurrency: number;
  scenarios: { scenario: Scenario; rounds: BurstRound[] }[];
}

/** Fire `n` proxy calls at once, spread over `apps`; every one must answer 200. */
async function burst(apps: RunningApp[], jar: CookieJar, n: number): Promise<number[]> {
  const headers = proxyHeaders(jar);
  const times = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const started = performance.now();
      const response = await fetch(`${apps[i % apps.length]!.url}/api/proxy/${RESOURCE}`, { headers, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`a burst call answered ${response.status}: ${body.slice(0, 200)}`);
      return performance.now() - started;
    }),
  );
  return times.map((t) => round(t, 2));
}

export async function measureRefreshBurst(
  apps: BenchApps,
  options: { concurrency: number; rounds: number; postgresUrl: string; ports: { app: number; backend: number } },
  log: (line: string) => void,
): Promise<RefreshBurstResult> {
  const backend = await startRestBackend(options.ports.backend, ACCESS_TTL);
  const scenarios: RefreshBurstResult["scenarios"] = [];
  try {
    for (const scenario of [...STORAGES, "db-postgres-2-instances"] as const) {
      const storage: StorageName = scenario === "db-postgres-2-instances" ? "db-postgres" : scenario;
      const instances = scenario === "db-postgres-2-instances" ? 2 : 1;
      const running: RunningApp[] = [];
      try {
        for (let i = 0; i < instances; i++) {
          running.push(await startStorageApp(apps, storage, { port: options.ports.app + i, backend, postgresUrl: options.postgresUrl }));
        }
        const rounds: BurstRound[] = [];
        // Warm-up, not kept: the first requests of a fresh server compile and fill caches.
        {
          const jar = new CookieJar();
          await signIn(running[0]!.url, jar, "demo", "demo-password");
          await burst(running, jar, 10);
        }
        for (let r = 0; r < options.rounds; r++) {
          await resetBackend(backend.url);
          const jar = new CookieJar();
          const login = await signIn(running[0]!.url, jar, "demo", "demo-password");
          if (login.status !== 200) throw new Error(`sign-in answered ${login.status}`);
          const signedInAt = Date.now();
          const fresh = await burst(running, jar, options.concurrency);
          const before = await backendStats(backend.url);
          if (before.refreshes !== 0) throw new Error(`the burst on a fresh token refreshed ${before.refreshes} times`);
          await new Promise((resolve) => setTimeout(resolve, signedInAt + ACCESS_TTL * 1000 + 300 - Date.now()));
          const expired = await burst(running, jar, options.concurrency);
          const after = await backendStats(backend.url);
          rounds.push({
            fresh,
            expired,
            refreshes: after.refreshes,
            rejected: after.rejectedRefreshes,
            reused: after.reusedRefreshes,
          });
          log(`refresh burst ${scenario} round ${r + 1}: ${after.refreshes} refresh(es), p99 ${percentile(expired, 99)} ms`);
        }
        scenarios.push({ scenario, rounds });
      } finally {
        for (const app of running) await app.stop();
      }
    }
  } finally {
    await backend.stop();
  }
  return { concurrency: options.concurrency, scenarios };
}

/** True when every round of every scenario refreshed exactly once with no refused or reused token. */
export function refreshInvariantHeld(result: RefreshBurstResult): boolean {
  return result.scenarios.every((s) => s.rounds.every((r) => r.refreshes === 1 && r.rejected === 0 && r.reused === 0));
}

export function renderRefreshBurst(result: RefreshBurstResult): string {
  const rows = result.scenarios.map(({ scenario, rounds }) => {
    const freshP99 = median(rounds.map((r) => percentile(r.fresh, 99)));
    const expiredP99 = median(rounds.map((r) => percentile(r.expired, 99)));
    return [
      SCENARIO_LABELS[scenario],
      rounds.map((r) => r.refreshes).join(", "),
      rounds.map((r) => r.reused).join(", "),
      round(median(rounds.map((r) => percentile(r.fresh, 50))), 1),
      round(freshP99, 1),
      round(median(rounds.map((r) => percentile(r.expired, 50))), 1),
      round(expiredP99, 1),
      `${ratio(expiredP99, freshP99)}×`,
    ];
  });
  const list: Goal[] = [
    {
      goal: `one backend refresh per session for ${result.concurrency} concurrent requests after expiry, also across two instances`,
      met: refreshInvariantHeld(result),
      measured: result.scenarios
        .map((s) => `${s.scenario}: ${s.rounds.map((r) => `${r.refreshes} refresh, ${r.reused} reused, ${r.rejected} refused`).join("; ")}`)
        .join(" · "),
      why: "a refresh token was sent more than once or a refresh was refused: the app's single-flight or the database lease is broken",
    },
  ];
  return [
    `${result.concurrency} concurrent \`GET /api/proxy/${RESOURCE}\` with one session's cookie, fired together; ${result.scenarios[0]?.rounds.length ?? 0} rounds per scenario (a new session each), medians. "fresh": the same burst right after sign-in, no refresh needed (the peer); "expired": ${ACCESS_TTL} s later, 0.3 s after the access token expired. Two instances: the burst alternates between two \`next start\` processes sharing the PostgreSQL database. Refresh counts are the backend's own.`,
    "",
    table(
      ["scenario", "refreshes per round", "reused per round", "fresh p50 ms", "fresh p99 ms", "expired p50 ms", "expired p99 ms", "expired/fresh p99"],
      rows,
    ),
    "",
    goals(list),
  ].join("\n");
}
