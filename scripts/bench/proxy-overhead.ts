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
  rounds: number;
  postgresUrl: string;
  ports: { app: number; backend: number };
}

export interface ProxyOverheadRow {
  storage: StorageName;
  connections: number;
  direct: LoadResult[];
  proxy: LoadResult[];
}

export interface ProxyOverheadResult {
  seconds: number;
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
        const proxied = { url: `${app.url}/api/proxy/${RESOURCE}`, headers: proxyHeaders(jar) };
        // Warm-up, not kept: JIT, connection pools, Next.js's route caches.
        for (const target of [direct, proxied]) {
          assertAllOk("warm-up", await load(target.url, { connections: 10, seconds: Math.min(2, options.seconds), headers: target.headers }));
        }
        for (const connections of options.connections) {
          const row: ProxyOverheadRow = { storage, connections, direct: [], proxy: [] };
          for (let round = 0; round < options.rounds; round++) {
            const order = round % 2 ? (["proxy", "direct"] as const) : (["direct", "proxy"] as const);
            for (const kind of order) {
              const target = kind === "direct" ? direct : proxied;
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
  return { seconds: options.seconds, rounds: options.rounds, rows };
}

interface Summary {
  storage: StorageName;
  connections: number;
  directRps: number;
  proxyRps: number;
  directP50: number;
  proxyP50: number;
  directP99: number;
  proxyP99: number;
}

function summarize(row: ProxyOverheadRow): Summary {
  const m = (list: LoadResult[], key: "rps" | "p50" | "p99") => median(list.map((r) => r[key]));
  return {
    storage: row.storage,
    connections: row.connections,
    directRps: m(row.direct, "rps"),
    proxyRps: m(row.proxy, "rps"),
    directP50: m(row.direct, "p50"),
    proxyP50: m(row.proxy, "p50"),
    directP99: m(row.direct, "p99"),
    proxyP99: m(row.proxy, "p99"),
  };
}

export function renderProxyOverhead(result: ProxyOverheadResult): string {
  const summaries = result.rows.map(summarize);
  const rows = summaries.map((s) => [
    STORAGE_LABELS[s.storage],
    s.connections,
    s.directRps,
    s.proxyRps,
    `${ratio(s.proxyRps, s.directRps)}×`,
    round(s.directP50, 2),
    round(s.proxyP50, 2),
    round(s.proxyP50 - s.directP50, 2),
    round(s.directP99, 2),
    round(s.proxyP99, 2),
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
      why: `over by ${round(worstOverhead - 2, 2)} ms: each proxied request runs Next.js's request pipeline (the proxy middleware, the route handler), decodes the session, and makes a second HTTP request to the backend, on the same two cores as the load generator`,
    },
    {
      goal: "throughput at least half of direct",
      met: worstThroughput >= 0.5,
      measured: `lowest ratio ${round(worstThroughput, 2)}× (${summaries
        .filter((s) => s.proxyRps / s.directRps === worstThroughput)
        .map((s) => `${s.storage} at ${s.connections} connections`)
        .join(", ")})`,
      why: "the direct figure is a bare Node.js HTTP server answering from memory, while every proxied request also passes through Next.js and makes that same backend request; on two cores the app, the backend and the load generator share the CPU, so the proxy's share is what is left after the backend's",
    },
  ];
  return [
    `autocannon, ${result.seconds} s per run, medians of ${result.rounds} interleaved rounds (direct and proxied alternate). Direct: \`GET <backend>/${RESOURCE}\` with the access token; proxied: \`GET /api/proxy/${RESOURCE}\` with the session cookie. Latencies in ms at full precision (every response time kept, not autocannon's whole-millisecond histogram). Every run is checked to be all 2xx.`,
    "",
    table(
      ["storage", "connections", "direct req/s", "proxy req/s", "proxy/direct", "direct p50", "proxy p50", "p50 overhead", "direct p99", "proxy p99"],
      rows,
    ),
    "",
    goals(list),
  ].join("\n");
}
