/**
 * The apps the benchmarks measure, made the way users make them: ours with
 * the built CLI, the peer with create-next-app installed locally (so neither
 * pays for a download), both installed with pnpm from the same store.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { VERSIONS } from "../../packages/create-next-jwt-auth/src/versions.js";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const OUR_CLI = join(ROOT, "packages/create-next-jwt-auth/dist/index.js");
/** The published peer, pinned so a run is comparable with the one before. */
export const PEER_VERSION = "16.4.3";
const PEER_DIR = join(ROOT, ".tmp/bench-peer");
export const PEER_CLI = join(PEER_DIR, "node_modules/create-next-app/dist/index.js");
const PNPM = ["-y", "pnpm@10"];

/**
 * The user agent `npx create-…` gives both CLIs, so neither spends time
 * finding out which package manager it was started with.
 */
export function npxUserAgent(): string {
  const npm = execFileSync("npm", ["--version"], { encoding: "utf8" }).trim();
  return `npm/${npm} node/${process.version} ${process.platform} ${process.arch} workspaces/false`;
}

/** Install create-next-app@PEER_VERSION under .tmp once; returns its CLI's path. */
export function ensurePeerCli(): string {
  if (!existsSync(PEER_CLI)) {
    mkdirSync(PEER_DIR, { recursive: true });
    execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", PEER_DIR, `create-next-app@${PEER_VERSION}`], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return PEER_CLI;
}

/**
 * create-next-app's layout loads Geist through `next/font/google`, which
 * downloads from fonts.googleapis.com at build time and fails offline (this
 * machine reaches only the npm registry). Drop the font, nothing else: the
 * peer then builds with less work than it would online, so the ratios err in
 * its favour. Throws when the layout is not the expected one, so that a new
 * create-next-app version is looked at instead of silently measured.
 */
export function withoutGoogleFonts(appDir: string): void {
  const path = join(appDir, "app/layout.tsx");
  const source = readFileSync(path, "utf8");
  const edits: [RegExp, string][] = [
    [/^import \{ Geist, Geist_Mono \} from "next\/font\/google";\n/m, ""],
    [/^const geistSans = Geist\(\{[^}]*\}\);\n\n/m, ""],
    [/^const geistMono = Geist_Mono\(\{[^}]*\}\);\n\n/m, ""],
    [/\$\{geistSans\.variable\} \$\{geistMono\.variable\} /, ""],
  ];
  let rewritten = source;
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(rewritten)) {
      throw new Error(`${path}: not create-next-app@${PEER_VERSION}'s layout (no ${pattern}); update withoutGoogleFonts`);
    }
    rewritten = rewritten.replace(pattern, replacement);
  }
  if (/next\/font|geist/i.test(rewritten)) {
    throw new Error(`${path}: a font is still loaded after the edits; update withoutGoogleFonts`);
  }
  writeFileSync(path, rewritten);
}

/**
 * Where one bench run keeps its apps, emptied at the start of the run. Outside
 * the repository: pnpm would take them for members of its workspace.
 */
export function benchDir(): string {
  const dir = join(tmpdir(), "cnja-bench", "apps");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The apps a bench run measures. */
export interface BenchApps {
  /** create-next-app's default app (TypeScript, Tailwind, ESLint, App Router). */
  peer: string;
  /** The same with next-auth added: the bar the weight goal sets. */
  peerWithNextAuth: string;
  /** Ours, REST style, encrypted JWT cookie. */
  jwt: string;
  /** Ours, REST style, database sessions in SQLite. */
  db: string;
  /** Ours, REST style, database sessions in PostgreSQL (an app holds one database's driver). */
  dbPostgres: string;
  /** The NEXTAUTH_SECRET of ours, for starting them and for the session-cost probe. */
  secret: string;
}

function pnpm(args: string[], cwd: string): void {
  execFileSync("npx", [...PNPM, ...args], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, npm_config_user_agent: undefined },
  });
}

/** Generate and install every app of the run (not built: building is measured). */
export function prepareApps(dir: string, log: (line: string) => void): BenchApps {
  const peerCli = ensurePeerCli();
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", npm_config_user_agent: npxUserAgent() };
  const apps: BenchApps = {
    peer: join(dir, "peer"),
    peerWithNextAuth: join(dir, "peer-next-auth"),
    jwt: join(dir, "rest-jwt"),
    db: join(dir, "rest-db"),
    dbPostgres: join(dir, "rest-db-postgres"),
    secret: randomBytes(32).toString("base64url"),
  };
  for (const app of [apps.peer, apps.peerWithNextAuth]) {
    log(`create-next-app ${app}`);
    execFileSync(process.execPath, [peerCli, app, "--yes", "--skip-install", "--disable-git"], {
      cwd: dir,
      env,
      stdio: "ignore",
    });
    withoutGoogleFonts(app);
  }
  for (const [app, session] of [
    [apps.jwt, ["--session", "jwt"]],
    [apps.db, ["--session", "db", "--db", "sqlite"]],
    [apps.dbPostgres, ["--session", "db", "--db", "postgres"]],
  ] as const) {
    log(`create-next-jwt-auth ${app}`);
    execFileSync(
      process.execPath,
      [OUR_CLI, app, "--backend", "rest", ...session, "--package-manager", "pnpm", "--yes", "--no-install", "--no-git"],
      { cwd: dir, env, stdio: "ignore" },
    );
  }
  for (const app of [apps.peer, apps.peerWithNextAuth, apps.jwt, apps.db, apps.dbPostgres]) {
    log(`pnpm install in ${app}`);
    pnpm(["install", "--reporter=silent"], app);
  }
  log(`pnpm add next-auth@${VERSIONS["next-auth"]} in ${apps.peerWithNextAuth}`);
  pnpm(["add", `next-auth@${VERSIONS["next-auth"]}`, "--reporter=silent"], apps.peerWithNextAuth);
  return apps;
}

/** The environment our apps are built and started with (ours read it; the peer ignores it). */
export function appEnv(apps: BenchApps): NodeJS.ProcessEnv {
  return { NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: apps.secret };
}
