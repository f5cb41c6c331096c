/**
 * Section 2: what a generated app weighs against create-next-app's default
 * app — installed packages and their size, a clean `next build`, and the
 * JavaScript a browser downloads on first load of a page.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { goals, table, type Goal } from "./markdown.js";
import { median, ratio, round } from "./stats.js";
import { appEnv, type BenchApps } from "./workspace.js";

export interface InstallWeight {
  packages: number;
  bytes: number;
  /** Package name (no version) → bytes, to say where a difference comes from. */
  byName: Record<string, number>;
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
  db: "ours, rest + db sessions (SQLite)",
};

function sizeOf(path: string): number {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return 0;
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += sizeOf(join(path, entry));
  return total;
}

/**
 * What `node_modules` holds: one entry of pnpm's virtual store
 * (`node_modules/.pnpm/<name>@<version>…`) per installed package, and the bytes
 * of their files (links to other packages not counted twice).
 */
export function installedWeight(appDir: string): InstallWeight {
  const store = join(appDir, "node_modules/.pnpm");
  let packages = 0;
  let bytes = 0;
  const byName: Record<string, number> = {};
  for (const entry of readdirSync(store, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === "node_modules") continue;
    const size = sizeOf(join(store, entry.name));
    const name = storeEntryName(entry.name);
    packages++;
    bytes += size;
    byName[name] = (byName[name] ?? 0) + size;
  }
  return { packages, bytes, byName };
}

/** `@next+env@16.4.6` → `@next/env`; `next@16.4.6_react@19…` (peers appended) → `next`. */
export function storeEntryName(entry: string): string {
  const [idWithVersion = entry] = entry.split("_");
  const at = idWithVersion.lastIndexOf("@");
  return (at > 0 ? idWithVersion.slice(0, at) : idWithVersion).replace("+", "/");
}

/** Packages `ours` has and `bar` has not, heaviest first: where the extra weight comes from. */
export function extraPackages(ours: InstallWeight, bar: InstallWeight): [string, number][] {
  return Object.entries(ours.byName)
    .filter(([name]) => !(name in bar.byName))
    .sort(([, a], [, b]) => b - a);
}

/**
 * What a production install (`pnpm install --prod --frozen-lockfile`, as a
 * deploy would run it) of `appDir`'s manifest and lockfile holds, in a copy
 * next to it.
 */
export function productionWeight(appDir: string): InstallWeight {
  const copy = `${appDir}-prod`;
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy);
  // .pnpmfile.cjs is part of the install (it drops next's optional Playwright peer); the lockfile records its checksum.
  for (const file of ["package.json", "pnpm-lock.yaml", ".pnpmfile.cjs"]) {
    if (existsSync(join(appDir, file))) copyFileSync(join(appDir, file), join(copy, file));
  }
  execFileSync("npx", ["-y", "pnpm@10", "install", "--prod", "--frozen-lockfile", "--reporter=silent"], {
    cwd: copy,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, npm_config_user_agent: undefined },
  });
  try {
    return installedWeight(copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
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
    weights[name] = { all: installedWeight(apps[name]), prod: productionWeight(apps[name]) };
    log(`weighed ${LABELS[name]}: ${weights[name].all.packages} packages`);
  }
  const builds: Record<BuiltApp, number[]> = { peer: [], jwt: [], db: [] };
  for (let i = 0; i < runs; i++) {
    for (const name of i % 2 ? (["db", "jwt", "peer"] as const) : (["peer", "jwt", "db"] as const)) {
      builds[name].push(cleanBuild(apps[name], appEnv(apps)));
      log(`build ${i + 1}/${runs} of ${name}: ${builds[name].at(-1)} s`);
    }
  }
  // Not timed: the PostgreSQL app only serves the sections that start apps.
  cleanBuild(apps.dbPostgres, appEnv(apps));
  return { weights, builds };
}

const mib = (bytes: number) => round(bytes / 1024 / 1024, 1);

function describe(extra: [string, number][]): string {
  const shown = extra.slice(0, 8).map(([name, bytes]) => `${name} ${mib(bytes)} MiB`);
  return extra.length > 8 ? `${shown.join(", ")} and ${extra.length - 8} more` : shown.join(", ");
}
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
      why: `over by ${mib(oursProdJwt - bar.prod.bytes)} MiB (jwt) and ${mib(oursProd - bar.prod.bytes)} MiB (db). What jwt has on top: ${describe(extraPackages(w.jwt.prod, bar.prod))}; db also: ${describe(extraPackages(w.db.prod, w.jwt.prod))}. That is what the app uses (jose, zod, server-only; the two database drivers); Playwright no longer comes along (the app's .pnpmfile.cjs drops next's optional \`@playwright/test\` peer, see the platform notes below)`,
    },
    {
      goal: "whole install no heavier than create-next-app's default + next-auth",
      met: w.jwt.all.bytes <= bar.all.bytes,
      measured: `jwt ${mib(w.jwt.all.bytes)} MiB (${w.jwt.all.packages} packages) vs ${mib(bar.all.bytes)} MiB (${bar.all.packages}): ${ratio(w.jwt.all.bytes, bar.all.bytes)}×`,
      why: `missed by ${mib(w.jwt.all.bytes - bar.all.bytes)} MiB: the generated app ships its test tooling as devDependencies, which create-next-app's default has none of; the heaviest extras: ${describe(extraPackages(w.jwt.all, bar.all))}`,
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
    "### Installed packages (pnpm 10, one store: entries of `node_modules/.pnpm` and the bytes of their files; prod: a `pnpm install --prod --frozen-lockfile` of the same lockfile, as a deploy runs it)",
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
