/**
 * Runs inside a generated database-session app (cwd = the app, so its
 * `@/…` paths and dependencies resolve, with the react-server condition so
 * `server-only` loads): the per-request session cost of each storage, in one
 * process, with tinybench. Prints one JSON line.
 *
 * Input (env BENCH_INPUT, JSON): { secret, sqliteFile, postgresUrl, postgresApp, accessToken, refreshToken, timeMs, rounds }
 * Runs in the SQLite app; the PostgreSQL store comes from `postgresApp` (an app holds one driver).
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Bench } from "tinybench";

interface Input {
  secret: string;
  sqliteFile: string;
  postgresUrl: string;
  postgresApp: string;
  accessToken: string;
  refreshToken: string;
  timeMs: number;
  rounds: number;
}

interface Store {
  create(input: Record<string, unknown>): Promise<{ sessionId: string }>;
  get(sessionId: string, now: number): Promise<{ tokens: { refreshToken: string } } | null>;
  close(): Promise<void>;
}

const input = JSON.parse(process.env.BENCH_INPUT ?? "") as Input;
const app = process.cwd();
const requireFromApp = createRequire(join(app, "package.json"));
const { encode, decode } = (await import(pathToFileURL(requireFromApp.resolve("next-auth/jwt")).href)) as {
  encode(params: { token: Record<string, unknown>; secret: string }): Promise<string>;
  decode(params: { token: string; secret: string }): Promise<Record<string, unknown> | null>;
};
type OpenStore = { openSessionStore(env: Record<string, string>): Store };
const openStoreOf = async (dir: string) =>
  ((await import(pathToFileURL(join(dir, "lib/next-jwt-auth/store/open-store.ts")).href)) as OpenStore).openSessionStore;
const openSqlite = await openStoreOf(app);
const openPostgres = await openStoreOf(input.postgresApp);

const now = Date.now();
const user = { id: "1", name: "Demo User", email: "demo@example.com", roles: [] as string[] };
const tokens = {
  accessToken: input.accessToken,
  refreshToken: input.refreshToken,
  accessTokenExpiresAt: now + 3_600_000,
  refreshTokenExpiresAt: now + 86_400_000,
};
// The claims the JWT-cookie storage puts in its cookie (templates/session-jwt).
const cookie = await encode({ token: { sub: user.id, user, backend: tokens, authTime: now }, secret: input.secret });

const stores = {
  sqlite: openSqlite({ DATABASE_URL: `file:${input.sqliteFile}`, NEXTAUTH_SECRET: input.secret }),
  postgres: openPostgres({ DATABASE_URL: input.postgresUrl, NEXTAUTH_SECRET: input.secret }),
};
const newSession = { user, tokens, now, idleExpiresAt: now + 3_600_000, absoluteExpiresAt: now + 86_400_000, userAgent: "bench" };
const ids = {
  sqlite: (await stores.sqlite.create(newSession)).sessionId,
  postgres: (await stores.postgres.create(newSession)).sessionId,
};

// Each task checks what it read: a benchmark of a lookup that finds nothing measures nothing.
const tasks: Record<string, () => Promise<void>> = {
  "jwt: JWE decrypt (next-auth/jwt decode)": async () => {
    const token = await decode({ token: cookie, secret: input.secret });
    if ((token?.backend as { refreshToken?: string } | undefined)?.refreshToken !== tokens.refreshToken) throw new Error("decode lost the tokens");
  },
  "db: SQLite lookup (store.get: id hash, row, token decryption)": async () => {
    if ((await stores.sqlite.get(ids.sqlite, Date.now()))?.tokens.refreshToken !== tokens.refreshToken) throw new Error("SQLite lookup missed");
  },
  "db: PostgreSQL lookup (store.get: id hash, row, token decryption)": async () => {
    if ((await stores.postgres.get(ids.postgres, Date.now()))?.tokens.refreshToken !== tokens.refreshToken) throw new Error("PostgreSQL lookup missed");
  },
};

const samples: Record<string, { p50: number[]; p99: number[]; mean: number[] }> = {};
try {
  for (let round = 0; round < input.rounds; round++) {
    const bench = new Bench({ time: input.timeMs, warmupTime: Math.min(200, input.timeMs), throws: true });
    // Alternate the order between rounds so drift does not favour one task.
    const names = round % 2 ? Object.keys(tasks).reverse() : Object.keys(tasks);
    for (const name of names) bench.add(name, tasks[name]!);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== "completed") throw new Error(`${task.name}: ${result.state}`);
      const entry = (samples[task.name] ??= { p50: [], p99: [], mean: [] });
      // tinybench reports milliseconds; microseconds read better here.
      entry.p50.push(result.latency.p50 * 1000);
      entry.p99.push(result.latency.p99 * 1000);
      entry.mean.push(result.latency.mean * 1000);
    }
  }
} finally {
  await Promise.all(Object.values(stores).map((s) => s.close()));
}
console.log(JSON.stringify({ cookieBytes: cookie.length, samples }));
