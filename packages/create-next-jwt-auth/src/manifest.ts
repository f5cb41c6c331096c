import { createHash } from "node:crypto";
import { ENV_LOCAL } from "./env-local.js";
import { CliError } from "./errors.js";
import {
  BACKENDS,
  DATABASES,
  invalidStackReason,
  isOneOf,
  PACKAGE_MANAGERS,
  SESSIONS,
  type Backend,
  type Database,
  type PackageManager,
  type Session,
} from "./options.js";
import type { FileTree } from "./render.js";
import { CLI_NAME, CLI_VERSION } from "./version.js";

/**
 * Where the manifest lives in a generated app. Named after the CLI (like
 * `.cruft.json` or shadcn's `components.json` name their tool) so whoever finds it
 * knows which command reads it; not a dot-file, so it is seen in the first commit
 * and reviewed like the rest of the app.
 */
export const MANIFEST_PATH = "create-next-jwt-auth.json";

/**
 * Files the manifest never lists: itself, and `.env.local`, which holds a secret
 * generated per run (it is git-ignored and never compared with anything).
 */
export const UNTRACKED_PATHS: ReadonlySet<string> = new Set([MANIFEST_PATH, ENV_LOCAL]);

/**
 * Everything that decides the rendered files, so a later version can render the
 * same app again: the stack, the package name (package.json `name`), the package
 * manager (the README's commands, pnpm-only files) and the exact `packageManager`
 * field when one was written.
 */
export interface ManifestOptions {
  name: string;
  backend: Backend;
  session: Session;
  /** Present exactly when `session` is "db". */
  db?: Database | undefined;
  packageManager: PackageManager;
  /** package.json's `packageManager` field, e.g. `pnpm@10.34.9`; absent when none was written. */
  packageManagerSpec?: string | undefined;
}

/** What `create-next-jwt-auth.json` holds. */
export interface Manifest {
  generator: { name: string; version: string };
  options: ManifestOptions;
  /** Every generated path (sorted by UTF-16 code unit) → `sha256-<base64>` of its bytes as rendered. */
  files: Record<string, string>;
}

/** JSON has no comments: this key says what the file is to whoever opens it. */
const NOTE_KEY = "//";
const NOTE =
  "Written by create-next-jwt-auth: what it generated (version, options, a hash of every file) " +
  "so a later version can update this app. Do not edit.";

/**
 * The integrity string of a file, in the Subresource Integrity form npm's lockfiles
 * use (`sha256-` + base64): the algorithm is named, so a later version can change it.
 */
export function fileHash(contents: Buffer | string): string {
  return `sha256-${createHash("sha256").update(contents).digest("base64")}`;
}

/** Code-unit order: unlike `localeCompare`, the same on every machine and locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The manifest of a rendered tree: every path except `UNTRACKED_PATHS`, with its hash.
 * `generator` defaults to this CLI.
 */
export function createManifest(
  tree: FileTree,
  options: ManifestOptions,
  generator: Manifest["generator"] = { name: CLI_NAME, version: CLI_VERSION },
): Manifest {
  const paths = [...tree.keys()].filter((path) => !UNTRACKED_PATHS.has(path)).sort(byCodeUnit);
  // fromEntries, not `files[path] =`: a file named `__proto__` stays an ordinary entry.
  const files = Object.fromEntries(paths.map((path) => [path, fileHash(tree.get(path)!)]));
  return { generator: { ...generator }, options: normaliseOptions(options), files };
}

/** Options with a fixed key order and no `undefined` members, so the text is stable. */
function normaliseOptions(options: ManifestOptions): ManifestOptions {
  return {
    name: options.name,
    backend: options.backend,
    session: options.session,
    ...(options.db === undefined ? {} : { db: options.db }),
    packageManager: options.packageManager,
    ...(options.packageManagerSpec === undefined ? {} : { packageManagerSpec: options.packageManagerSpec }),
  };
}

/**
 * The manifest as written: pretty-printed (two spaces, as Prettier keeps JSON),
 * fixed key order, files sorted, a final newline. Same manifest → same bytes.
 */
export function serializeManifest(manifest: Manifest): string {
  const ordered = {
    [NOTE_KEY]: NOTE,
    generator: { name: manifest.generator.name, version: manifest.generator.version },
    options: normaliseOptions(manifest.options),
    files: Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => byCodeUnit(a, b))),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

const HASH = /^sha256-[A-Za-z0-9+/]{43}=$/;

/**
 * True for a relative POSIX path that stays inside the app: no leading `/`, no
 * `\`, no empty, `.` or `..` segment, no control character. Updating an app will
 * write to these paths, so a manifest must not be able to point elsewhere.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path === "" || path.startsWith("/") || path.includes("\\")) return false;
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

function invalid(reason: string): CliError {
  return new CliError("MANIFEST_INVALID", `${MANIFEST_PATH} is not a valid manifest: ${reason}.`, [
    "It is written by create-next-jwt-auth and must not be edited; restore it from git (git checkout -- " +
      `${MANIFEST_PATH}).`,
  ]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== "string" || value === "") throw invalid(`${what} must be a non-empty string`);
  return value;
}

function requireOneOf<T extends readonly string[]>(values: T, value: unknown, what: string): T[number] {
  if (!isOneOf(values, value)) throw invalid(`${what} must be one of ${values.join(", ")}`);
  return value;
}

/**
 * Read a manifest's text. Unknown keys are ignored (a later version may add some);
 * anything missing, of the wrong type, an invalid stack, an unsafe path or a
 * malformed hash throws `CliError("MANIFEST_INVALID")`.
 */
export function parseManifest(text: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(`not JSON (${(error as Error).message})`);
  }
  if (!isRecord(data)) throw invalid("not a JSON object");

  const generator = data.generator;
  if (!isRecord(generator)) throw invalid('"generator" must be an object');
  const options = data.options;
  if (!isRecord(options)) throw invalid('"options" must be an object');
  const files = data.files;
  if (!isRecord(files)) throw invalid('"files" must be an object');

  const backend = requireOneOf(BACKENDS, options.backend, "options.backend");
  const session = requireOneOf(SESSIONS, options.session, "options.session");
  const db = options.db === undefined ? undefined : requireOneOf(DATABASES, options.db, "options.db");
  const stackProblem = invalidStackReason({ backend, session, db });
  if (stackProblem) throw invalid(`options: ${stackProblem}`);
  const spec = options.packageManagerSpec;

  const entries = Object.entries(files).sort(([a], [b]) => byCodeUnit(a, b));
  for (const [path, hash] of entries) {
    if (!isSafeRelativePath(path) || UNTRACKED_PATHS.has(path)) {
      throw invalid(`files: ${JSON.stringify(path)} is not a path the manifest may list`);
    }
    if (typeof hash !== "string" || !HASH.test(hash)) throw invalid(`files: the hash of ${path} is not sha256-<base64>`);
  }
  // fromEntries, not `files[path] =`: a file named `__proto__` stays an ordinary entry.
  const parsedFiles = Object.fromEntries(entries) as Record<string, string>;

  return {
    generator: {
      name: requireString(generator.name, "generator.name"),
      version: requireString(generator.version, "generator.version"),
    },
    options: normaliseOptions({
      name: requireString(options.name, "options.name"),
      backend,
      session,
      db,
      packageManager: requireOneOf(PACKAGE_MANAGERS, options.packageManager, "options.packageManager"),
      packageManagerSpec: spec === undefined ? undefined : requireString(spec, "options.packageManagerSpec"),
    }),
    files: parsedFiles,
  };
}
