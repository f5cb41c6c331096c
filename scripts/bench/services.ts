/**
 * What the app-level sections run against: the independent REST backend of
 * test/backends (it counts refreshes) and, for PostgreSQL sessions, a
 * database of the bench's own on the local server.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { startBackend, type RunningBackend } from "../independent-backends.js";
import { ROOT } from "./workspace.js";

export const LOG_DIR = join(ROOT, ".tmp/bench");
export const BENCH_DATABASE = "cnja_bench";

/** Build test/backends/rest once (`dist/main.js`), as CI does. */
export function ensureRestBackendBuilt(): void {
  if (existsSync(join(ROOT, "test/backends/rest/dist/main.js"))) return;
  execFileSync("npx", ["-y", "pnpm@10", "--filter", "./test/backends/rest", "run", "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** The DummyJSON-shaped backend with the given access-token lifetime (seconds). */
export function startRestBackend(port: number, accessTtl: number): Promise<RunningBackend> {
  mkdirSync(LOG_DIR, { recursive: true });
  return startBackend("rest", { port, accessTtl, refreshTtl: 3600, log: join(LOG_DIR, "backend.log") });
}

/** Sign in at the backend itself (DummyJSON shape): the tokens a server would call it with. */
export async function backendTokens(backendUrl: string): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await fetch(`${backendUrl}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "demo", password: "demo-password" }),
  });
  if (!response.ok) throw new Error(`backend login answered ${response.status}`);
  const { accessToken, refreshToken } = (await response.json()) as { accessToken?: string; refreshToken?: string };
  if (!accessToken || !refreshToken) throw new Error("backend login answered without tokens");
  return { accessToken, refreshToken };
}

/**
 * A PostgreSQL URL for a database only the bench uses (created when missing),
 * on the server at 127.0.0.1:5432 — started first if it is down.
 */
export function benchPostgresUrl(): string {
  const base = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432";
  const ready = () => {
    try {
      execFileSync("pg_isready", ["-h", "127.0.0.1", "-p", "5432", "-q"]);
      return true;
    } catch {
      return false;
    }
  };
  if (!ready()) {
    const version = execFileSync("ls", ["/etc/postgresql"], { encoding: "utf8" }).trim().split("\n")[0]!;
    execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "ignore" });
    for (let i = 0; i < 30 && !ready(); i++) execFileSync("sleep", ["1"]);
  }
  const psql = (sql: string) =>
    execFileSync("psql", [`${base}/postgres`, "-Atc", sql], { encoding: "utf8" }).trim();
  if (psql(`select 1 from pg_database where datname = '${BENCH_DATABASE}'`) !== "1") {
    psql(`create database ${BENCH_DATABASE}`);
  }
  return `${base}/${BENCH_DATABASE}`;
}
