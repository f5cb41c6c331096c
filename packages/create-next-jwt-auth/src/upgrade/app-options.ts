import { ENV_EXAMPLE } from "../env-local.js";
import { CliError } from "../errors.js";
import type { ManifestOptions } from "../manifest.js";
import { isOneOf, PACKAGE_MANAGERS, type Backend, type Database, type PackageManager, type Session } from "../options.js";

/** Reads one file of an app (on disk, or in a commit) as text; undefined when absent. */
export type TextReader = (path: string) => string | undefined;

/** What could be read from an app's files; a member is absent when its evidence is missing. */
export type InferredOptions = Partial<ManifestOptions>;

/**
 * Environment variables only one backend style's `.env.example` assigns: the
 * evidence of the backend in an app generated before the manifest existed.
 */
const BACKEND_KEYS: readonly [Backend, string][] = [
  ["drupal", "DRUPAL_CLIENT_ID"],
  ["rest", "REST_LOGIN_PATH"],
  ["nestjs", "NEST_LOGIN_PATH"],
];

/** Lockfiles name the package manager when package.json has no `packageManager` field. */
const LOCKFILES: readonly [string, PackageManager][] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
];

/** Every lockfile name: never part of what the generator writes, so never planned or compared. */
export const LOCKFILE_NAMES: ReadonlySet<string> = new Set(LOCKFILES.map(([name]) => name));

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function dependencyNames(manifest: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const field of ["dependencies", "devDependencies"]) {
    const deps = manifest[field];
    if (typeof deps === "object" && deps !== null) for (const name of Object.keys(deps)) names.add(name);
  }
  return names;
}

/** Variables assigned (not commented out) in an env file, with their values. */
function assignments(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]));
}

/**
 * The options of an app generated before the manifest existed, read from its
 * files: package.json (name, `packageManager`, the database driver among the
 * dependencies), the lockfile, and `.env.example` (the backend's variables; a
 * PostgreSQL `DATABASE_URL`). Older apps carried both database drivers, so the
 * assigned `DATABASE_URL` decides between them before the dependencies do.
 */
export function inferOptions(read: TextReader): InferredOptions {
  const out: InferredOptions = {};
  const manifest = parseObject(read("package.json"));
  if (manifest) {
    if (typeof manifest.name === "string" && manifest.name !== "") out.name = manifest.name;
    const spec = manifest.packageManager;
    const pm = typeof spec === "string" ? /^([a-z]+)@/.exec(spec)?.[1] : undefined;
    if (isOneOf(PACKAGE_MANAGERS, pm)) {
      out.packageManager = pm;
      out.packageManagerSpec = spec as string;
    }
  }
  if (out.packageManager === undefined) {
    out.packageManager = LOCKFILES.find(([file]) => read(file) !== undefined)?.[1];
  }

  const env = assignments(read(ENV_EXAMPLE) ?? "");
  out.backend = BACKEND_KEYS.find(([, key]) => env.has(key))?.[0];

  const deps = manifest ? dependencyNames(manifest) : new Set<string>();
  const hasSqlite = deps.has("better-sqlite3");
  const hasPostgres = deps.has("pg");
  if (manifest) {
    const session: Session = hasSqlite || hasPostgres ? "db" : "jwt";
    out.session = session;
    let db: Database | undefined;
    if (session === "db") {
      const url = env.get("DATABASE_URL") ?? "";
      db = /^postgres(ql)?:/.test(url.trim()) || !hasSqlite ? "postgres" : "sqlite";
    }
    if (db !== undefined) out.db = db;
  }
  return stripUndefined(out);
}

function stripUndefined(options: InferredOptions): InferredOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as InferredOptions;
}

/**
 * The complete options of a manifest-less app: what its files say, then what its
 * first commit says, then the flags (which only fill gaps here; as switches they
 * apply to the target). Throws `UPGRADE_OPTIONS_UNKNOWN` naming the flags to give.
 */
export function completeOptions(sources: readonly InferredOptions[], flags: InferredOptions): ManifestOptions {
  const pick = <K extends keyof ManifestOptions>(key: K): ManifestOptions[K] | undefined => {
    for (const source of [...sources, flags]) if (source[key] !== undefined) return source[key];
    return undefined;
  };
  const backend = pick("backend");
  const session = pick("session");
  const name = pick("name");
  const missing = [
    ...(name === undefined ? ["the package name (package.json has no \"name\")"] : []),
    ...(backend === undefined ? ["--backend"] : []),
    ...(session === undefined ? ["--session"] : []),
  ];
  if (name === undefined || backend === undefined || session === undefined || missing.length > 0) {
    throw new CliError("UPGRADE_OPTIONS_UNKNOWN", `cannot tell how this app was generated: it has no manifest and its files do not say ${missing.join(", ")}.`, [
      "Give what it was generated with as flags, e.g. --backend rest --session jwt.",
    ]);
  }
  const db = session === "db" ? (pick("db") ?? "sqlite") : undefined;
  const packageManager = pick("packageManager") ?? "npm";
  const spec = pick("packageManagerSpec");
  return {
    name,
    backend,
    session,
    db,
    packageManager,
    packageManagerSpec: spec !== undefined && spec.startsWith(`${packageManager}@`) ? spec : undefined,
  };
}
