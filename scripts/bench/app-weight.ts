/**
 * Section 2: what a generated app weighs against create-next-app's default
 * app — installed packages and their size, a clean `next build`, and the
 * JavaScript a browser downloads on first load of a page.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { goals, table, type Goal } from "./markdown.js";
import { median, ratio, round } from "./stats.js";
import { appEnv, type BenchApps } from "./workspace.js";

export interface InstallWeight {
  packages: number;
  bytes: number;
}

export interface AppWeight {
  /** Everything `pnpm install` put in node_modules. */
  all: InstallWeight;
  /** Only what `dependencies` pull in: what a production image carries. */
  prod: InstallWeight;
}

export type WeighedApp = "peer" | "peerWithNextAuth" | "jwt" | "db";
export type BuiltApp = "peer" | "jwt" | "db";

export interface FirstLoad {
  app: string;
  page: string;
  scripts: number;
  /** Bytes on the wire (compressed, as `next start` serves them). */
  transferBytes: number;
  /** Bytes after decompression: what the browser parses. */
  decodedBytes: number;
}

export interface AppWeightResult {
  weights: Record<WeighedApp, AppWeight>;
  /** Clean `next build` wall-clock seconds per run, interleaved. */
  builds: Record<BuiltApp, number[]>;
  firstLoad: FirstLoad[];
}

export const LABELS: Record<WeighedApp, string> = {
  peer: "create-next-app default",
  peerWithNextAuth: "create-next-app default + next-auth",
  jwt: "ours, rest + jwt cookie",
  db: "ours, rest + db sessions (SQLite/PostgreSQL)",
};

function sizeOf(path: string): number {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return 0;
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += sizeOf(join(path, entry));
  return total;
}

/** Installed packages of `appDir` as pnpm lists them (each package@version once) and their size. */
export function installWeight(appDir: string, prodOnly: boolean): InstallWeight {
  const out = execFileSync("npx", ["-y", "pnpm@10", "ls", "--depth", "Infinity", "--parseable", ...(prodOnly ? ["--prod"] : [])], {
    cwd: appDir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // pnpm also lists optional packages it skipped for this platform: only what is on disk counts.
  const dirs = new Set(
    out
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && l !== appDir && existsSync(l)),
  );
  let bytes = 0;
  for (const dir of dirs) bytes += sizeOf(dir);
  return { packages: dirs.size, bytes };
}

/** A clean production build (`.next` removed first); wall-clock seconds. */
function cleanBuild(appDir: string, env: NodeJS.ProcessEnv): number {
  rmSync(join(appDir, ".next"), { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: appDir,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`next build failed in ${appDir}:\n${result.stdout}\n${result.stderr}`);
  return round(seconds, 2);
}

/** Weigh the installs and time `runs` clean builds of each app, interleaved; the last builds stay for later sections. */
export function measureInstallsAndBuilds(apps: BenchApps, runs: number, log: (line: string) => void) {
  const weights = {} as Record<WeighedApp, AppWeight>;
  for (const name of ["peer", "peerWithNextAuth", "jwt", "db"] as const) {
    weights[name] = { all: installWeight(apps[name], false), prod: installWeight(apps[name], true) };
    log(`weighed ${LABELS[name]}: ${weights[name].all.packages} packages`);
  }
  const builds: Record<BuiltApp, number[]> = { peer: [], jwt: [], db: [] };
  for (let i = 0; i < runs; i++) {
    for (const name of i % 2 ? (["db", "jwt", "peer"] as const) : (["peer", "jwt", "db"] as const)) {
      builds[name].push(cleanBuild(apps[name], appEnv(apps)));
      log(`build ${i + 1}/${runs} of ${name}: ${builds[name].at(-1)} s`);
    }
  }
  return { weights, builds };
}

const mib = (bytes: number) => round(bytes / 1024 / 1024, 1);
const kib = (bytes: number) => round(bytes / 1024, 1);

/** The section of BENCHMARKS.md. */
export function renderAppWeight(result: AppWeightResult): string {
  const w = result.weights;
  const bar = w.peerWithNextAuth;
  const weightRows = (Object.keys(LABELS) as WeighedApp[]).map((name) => [
    LABELS[name],
    w[name].all.packages,
    mib(w[name].all.bytes),
    w[name].prod.packages,
    mib(w[name].prod.bytes),
  ]);
  const buildPeer = median(result.builds.peer);
  const buildRows = (["peer", "jwt", "db"] as const).map((name) => [
    LABELS[name],
    round(median(result.builds[name]), 1),
    `${ratio(median(result.builds[name]), buildPeer)}×`,
    result.builds[name].join(", "),
  ]);
  const peerLoad = result.firstLoad.find((f) => f.app === LABELS.peer);
  const loadRows = result.firstLoad.map((f) => [
    f.app,
    f.page,
    f.scripts,
    kib(f.transferBytes),
    kib(f.decodedBytes),
    peerLoad ? `${ratio(f.transferBytes, peerLoad.transferBytes)}×` : "—",
  ]);
  const oursProd = Math.max(w.jwt.prod.bytes, w.db.prod.bytes);
  const oursProdJwt = w.jwt.prod.bytes;
  const heaviestLoad = Math.max(...result.firstLoad.filter((f) => f.app !== LABELS.peer).map((f) => f.transferBytes));
  const list: Goal[] = [
    {
      goal: "production dependencies no heavier than create-next-app's default + next-auth",
      met: oursProd <= bar.prod.bytes,
      measured: `jwt ${mib(oursProdJwt)} MiB (${w.jwt.prod.packages} packages), db ${mib(w.db.prod.bytes)} MiB (${w.db.prod.packages}) vs ${mib(bar.prod.bytes)} MiB (${bar.prod.packages}): ${ratio(oursProdJwt, bar.prod.bytes)}× and ${ratio(oursProd, bar.prod.bytes)}×`,
      why: `jwt adds jose, zod and server-only (${mib(oursProdJwt - bar.prod.bytes)} MiB); db mode adds the two database drivers (better-sqlite3 with its native build, pg)`,
    },
    {
      goal: "whole install no heavier than create-next-app's default + next-auth",
      met: w.jwt.all.bytes <= bar.all.bytes,
      measured: `jwt ${mib(w.jwt.all.bytes)} MiB (${w.jwt.all.packages} packages) vs ${mib(bar.all.bytes)} MiB (${bar.all.packages}): ${ratio(w.jwt.all.bytes, bar.all.bytes)}×`,
      why: `missed by ${mib(w.jwt.all.bytes - bar.all.bytes)} MiB: the generated app ships its test tooling as devDependencies (Vitest, Playwright's test runner, fast-check, tsx, Prettier, concurrently), which create-next-app's default has none of. None of it reaches production (row "prod")`,
    },
  ];
  if (peerLoad) {
    list.push({
      goal: "first-load JavaScript no heavier than create-next-app's default + next-auth",
      met: heaviestLoad <= peerLoad.transferBytes,
      measured: `heaviest page ${kib(heaviestLoad)} KiB vs ${kib(peerLoad.transferBytes)} KiB on the wire (${ratio(heaviestLoad, peerLoad.transferBytes)}×)`,
      why: `over by ${kib(heaviestLoad - peerLoad.transferBytes)} KiB: create-next-app's page is a static Server Component page with no client code of its own; ours hydrate a sign-in form and next-auth's SessionProvider (next-auth/react), which a next-auth app needs (the peer + next-auth row has no page using it, so its first load equals the peer's)`,
    });
  }
  return [
    "### Installed packages (pnpm, one store; `pnpm ls --depth Infinity --parseable`, each package@version once)",
    "",
    table(["app", "packages", "MiB", "prod packages", "prod MiB"], weightRows),
    "",
    `### Clean \`next build\` (\`.next\` removed; medians of ${result.builds.peer.length} interleaved runs)`,
    "",
    table(["app", "median s", "ratio to create-next-app", "runs, s"], buildRows),
    "",
    "### First-load JavaScript (Chromium, fresh cache, every script response of the page load)",
    "",
    table(["app", "page", "scripts", "KiB on the wire", "KiB decoded", "ratio (wire) to create-next-app"], loadRows),
    "",
    goals(list),
  ].join("\n");
}
