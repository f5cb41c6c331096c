/**
 * Section 3: what the backend proxy costs. The same backend resource is
 * loaded directly (with the access token, as a server would call it) and
 * through `GET /api/proxy/<resource>` of a built app (with the session
 * cookie), at several concurrency levels, interleaved, for each storage.
 */
import { CookieJar, proxyHeaders, signIn } from "../http-session.js";
import { assertAllOk, load, type LoadResult } from "./load.js";
import { goals, table, type Goal } from "./markdown.js";
import { backendTokens, startRestBackend } from "./services.js";
import { median, ratio, round } from "./stats.js";
import { STORAGE_LABELS, STORAGES, startStorageApp, type StorageName } from "./storages.js";
import type { BenchApps } from "./workspace.js";

const RESOURCE = "api/items";

export interface ProxyOverheadOptions {
  connections: readonly number[];
  seconds: number;
  /**
   * Load on the app before anything is kept. A fresh `next start` gets
   * faster for tens of seconds (V8 tiering up Next.js's request path: p50 at
   * one connection fell from 5.5 to 2.3 ms over the first 40 s here).
   */
  warmupSeconds: number;
  rounds: number;
  postgresUrl: string;
  ports: { app: number; backend: number };
}

/** What each round loads: the backend directly, the cheapest Next.js route of the same app, the proxy. */
const KINDS = ["direct", "floor", "proxy"] as const;
type Kind = (typeof KINDS)[number];

export interface ProxyOverheadRow {
  storage: StorageName;
  connections: number;
  direct: LoadResult[];
  /** `GET /api/auth/csrf` of the same app: Next.js's own per-request floor (no middleware, no backend call). */
  floor: LoadResult[];
  proxy: LoadResult[];
}

export interface ProxyOverheadResult {
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  rows: ProxyOverheadRow[];
}

export async function measureProxyOverhead(
  apps: BenchApps,
  options: ProxyOverheadOptions,
  log: (line: string) => void,
): Promise<ProxyOverheadResult> {
  // Access tokens outlive the run: this section measures the proxy, not refreshes.
  const backend = await startRestBackend(options.ports.backend, 3600);
  const rows: ProxyOverheadRow[] = [];
  try {
    for (const storage of STORAGES) {
      const app = await startStorageApp(apps, storage, { port: options.ports.app, backend, postgresUrl: options.postgresUrl });
      try {
        const jar = new CookieJar();
        const login = await signIn(app.url, jar, "demo", "demo-password");
        if (login.status !== 200) throw new Error(`sign-in answered ${login.status}`);
        const direct = { url: `${backend.url}/${RESOURCE}`, headers: { authorization: `Bearer ${(await backendTokens(backend.url)).accessToken}` } };
        const targets: Record<Kind, { url: string; headers: Record<string, string> }> = {
          direct,
          floor: { url: `${app.url}/api/auth/csrf`, headers: {} },
          proxy: { url: `${app.url}/api/proxy/${RESOURCE}`, headers: proxyHeaders(jar) },
        };
        // Warm-up, not kept: JIT, connection pools, Next.js's route caches.
        for (const [kind, target] of Object.entries(targets)) {
          const seconds = kind === "direct" ? options.seconds : options.warmupSeconds;
          assertAllOk("warm-up", await load(target.url, { connections: 10, seconds, headers: target.headers }));
        }
        for (const connections of options.connections) {
          const row: ProxyOverheadRow = { storage, connections, direct: [], floor: [], proxy: [] };
          for (let round = 0; round < options.rounds; round++) {
            const order = round % 2 ? [...KINDS].reverse() : KINDS;
            for (const kind of order) {
              const target = targets[kind];
              const result = await load(target.url, { connections, seconds: options.seconds, headers: target.headers });
              assertAllOk(`${storage} ${kind} at ${connections} connections`, result);
              row[kind].push(result);
            }
          }
          rows.push(row);
          log(
            `proxy ${storage} c=${connections}: direct p50 ${median(row.direct.map((r) => r.p50))} ms, proxy p50 ${median(row.proxy.map((r) => r.p50))} ms`,
          );
        }
      } finally {
        await app.stop();
      }
    }
  } finally {
    await backend.stop();
  }
  return { seconds: options.seconds, warmupSeconds: options.warmupSeconds, rounds: options.rounds, rows };
}

interface Summary {
  storage: StorageName;
  connections: number;
  directRps: number;
  floorRps: number;
  proxyRps: number;
  directP50: number;
  floorP50: number;
  proxyP50: number;
  directP99: number;
  proxyP99: number;
  /** Each round's proxy p50: the spread behind the median. */
  proxyP50s: number[];
}

function summarize(row: ProxyOverheadRow): Summary {
  const m = (list: LoadResult[], key: "rps" | "p50" | "p99") => median(list.map((r) => r[key]));
  return {
    storage: row.storage,
    connections: row.connections,
    directRps: m(row.direct, "rps"),
    floorRps: m(row.floor, "rps"),
    proxyRps: m(row.proxy, "rps"),
    directP50: m(row.direct, "p50"),
    floorP50: m(row.floor, "p50"),
    proxyP50: m(row.proxy, "p50"),
    directP99: m(row.direct, "p99"),
    proxyP99: m(row.proxy, "p99"),
    proxyP50s: row.proxy.map((r) => r.p50),
  };
}

export function renderProxyOverhead(result: ProxyOverheadResult): string {
  const summaries = result.rows.map(summarize);
  const rows = summaries.map((s) => [
    STORAGE_LABELS[s.storage],
    s.connections,
    s.directRps,
    s.floorRps,
    s.proxyRps,
    `${ratio(s.proxyRps, s.directRps)}×`,
    `${ratio(s.proxyRps, s.floorRps)}×`,
    round(s.directP50, 2),
    round(s.floorP50, 2),
    round(s.proxyP50, 2),
    round(s.proxyP50 - s.directP50, 2),
    round(s.directP99, 2),
    round(s.proxyP99, 2),
    s.proxyP50s.map((v) => round(v, 2)).join(", "),
  ]);
  // The 2 ms budget is about what the proxy adds to one request, so it is judged unloaded (fewest connections).
  const fewest = Math.min(...summaries.map((s) => s.connections));
  const unloaded = summaries.filter((s) => s.connections === fewest);
  const worstOverhead = Math.max(...unloaded.map((s) => s.proxyP50 - s.directP50));
  const worstThroughput = Math.min(...summaries.map((s) => s.proxyRps / s.directRps));
  const list: Goal[] = [
    {
      goal: `p50 overhead under 2 ms (at ${fewest} connection${fewest === 1 ? "" : "s"})`,
      met: worstOverhead < 2,
      measured: unloaded.map((s) => `${s.storage} +${round(s.proxyP50 - s.directP50, 2)} ms`).join(", "),
      why: `over by ${round(worstOverhead - 2, 2)} ms. Next.js's own floor on this machine — its cheapest route, next-auth's CSRF endpoint, in the same app — is ${unloaded.map((s) => `${round(s.floorP50, 2)} ms`).join(" / ")} at p50 before any work of ours; on top of it the proxy decodes the session, calls the backend with fetch and streams the answer back`,
    },
    {
      goal: "throughput at least half of direct",
      met: worstThroughput >= 0.5,
      measured: `lowest ratio ${round(worstThroughput, 2)}× (${summaries
        .filter((s) => s.proxyRps / s.directRps === worstThroughput)
        .map((s) => `${s.storage} at ${s.connections} connections`)
        .join(", ")})`,
      why: `the direct figure is a bare Node.js HTTP server answering from memory; Next.js alone (its cheapest route) reaches only ${Math.min(...summaries.map((s) => s.floorRps))}–${Math.max(...summaries.map((s) => s.floorRps))} req/s here, so half of direct is out of reach for any Next.js route handler; the proxy reaches ${round(Math.min(...summaries.map((s) => s.proxyRps / s.floorRps)), 2)}–${round(Math.max(...summaries.map((s) => s.proxyRps / s.floorRps)), 2)}× of that floor while making the backend call as well, with app, backend and load generator sharing two cores`,
    },
  ];
  return [
    `autocannon, ${result.seconds} s per run after ${result.warmupSeconds} s of warm-up load on each of the app's two routes (a fresh \`next start\` keeps getting faster for tens of seconds), medians of ${result.rounds} interleaved rounds (order alternating). Direct: \`GET <backend>/${RESOURCE}\` with the access token (the REST backend of test/backends, a plain Node.js server); Next.js floor: \`GET /api/auth/csrf\` of the same app (next-auth's cheapest endpoint: what any Next.js route costs here); proxy: \`GET /api/proxy/${RESOURCE}\` with the session cookie. Latencies in ms at full precision (every response time kept, not autocannon's whole-millisecond histogram). Every run is checked to be all 2xx.`,
    "",
    table(
      [
        "storage",
        "connections",
        "direct req/s",
        "Next.js floor req/s",
        "proxy req/s",
        "proxy/direct",
        "proxy/floor",
        "direct p50",
        "floor p50",
        "proxy p50",
        "p50 overhead",
        "direct p99",
        "proxy p99",
        "proxy p50 per round",
      ],
      rows,
    ),
    "",
    goals(list),
  ].join("\n");
}
