import { fileHash, UNTRACKED_PATHS, type Manifest, type ManifestOptions } from "../manifest.js";
import type { FileTree } from "../render.js";
import { CLI_VERSION } from "../version.js";
import { LOCKFILE_NAMES } from "./app-options.js";
import type { AppFile } from "./app-files.js";
import { blobsByHash, initialCommitFiles } from "./git-history.js";
import type { PublishedRenderer } from "./published-render.js";

/** The version apps generated before the manifest existed were made with. */
export const LEGACY_VERSION = "0.1.0";

/** Where a base file's contents came from. */
export type BaseSource = "unchanged" | "render" | "published" | "git";

/** What generated the app's current files, as far as it can be known. */
export interface Base {
  /** Every path the generator wrote; undefined when even that is unknown (no manifest, no history). */
  paths: ReadonlySet<string> | undefined;
  /** The generated contents of the paths where they are known. */
  contents: Map<string, Buffer>;
  /** How many files each source gave. */
  sources: Partial<Record<BaseSource, number>>;
  /** One line per source that was tried and gave nothing, saying why. */
  notes: string[];
}

/** What `resolveBase` needs; the renderers are injected so tests control them. */
export interface BaseInput {
  dir: string;
  manifest: Manifest | undefined;
  /** The options the app was generated with (the manifest's, or read from the app). */
  options: ManifestOptions;
  readUser: (path: string) => AppFile;
  /** Renders with this CLI (source a). */
  renderCurrent: (options: ManifestOptions) => FileTree;
  /** Renders with a published version (source b). */
  published: PublishedRenderer;
}

/**
 * Find the base, source by source. With a manifest only the files the user
 * changed need one (an unchanged file is its own base, its hash says so), and a
 * candidate is taken only when its hash is the manifest's: (a) this CLI's render
 * when the manifest names this version; (b) the recorded version through the
 * package manager; (c) a blob of the app's git history with that hash. Without a
 * manifest: (b) for `LEGACY_VERSION`, else (c) the generator's initial commit.
 * What no source gives stays unknown, and the plan treats those files two-way.
 */
export async function resolveBase(input: BaseInput): Promise<Base> {
  return input.manifest ? fromManifest(input, input.manifest) : withoutManifest(input);
}

async function fromManifest(input: BaseInput, manifest: Manifest): Promise<Base> {
  const contents = new Map<string, Buffer>();
  const sources: Base["sources"] = {};
  const notes: string[] = [];
  const count = (source: BaseSource, n: number) => {
    if (n > 0) sources[source] = (sources[source] ?? 0) + n;
  };
  const missing = new Map<string, string>();
  let unchanged = 0;
  for (const [path, hash] of Object.entries(manifest.files)) {
    const user = input.readUser(path);
    if (user.kind === "file" && fileHash(user.bytes) === hash) {
      contents.set(path, user.bytes);
      unchanged += 1;
    } else if (user.kind === "file") {
      missing.set(path, hash);
    }
  }
  count("unchanged", unchanged);

  const takeVerified = (tree: FileTree, source: BaseSource) => {
    let n = 0;
    for (const [path, hash] of [...missing]) {
      const bytes = tree.get(path);
      if (bytes && fileHash(bytes) === hash) {
        contents.set(path, bytes);
        missing.delete(path);
        n += 1;
      }
    }
    count(source, n);
    return n;
  };

  const version = manifest.generator.version;
  if (missing.size > 0 && version === CLI_VERSION) {
    const before = missing.size;
    takeVerified(input.renderCurrent(input.options), "render");
    if (missing.size > 0 && missing.size === before) {
      notes.push(`this version's templates no longer render ${missing.size} changed file(s) as recorded; looking in git`);
    }
  }
  if (missing.size > 0 && version !== CLI_VERSION) {
    const published = await input.published(version, input.options);
    if (published.ok) takeVerified(published.files, "published");
    else notes.push(published.reason);
  }
  if (missing.size > 0) {
    const found = await blobsByHash(input.dir, missing);
    for (const [path, bytes] of found) {
      contents.set(path, bytes);
      missing.delete(path);
    }
    count("git", found.size);
    if (missing.size > 0) notes.push(`git history holds no generated version of ${missing.size} changed file(s)`);
  }
  return { paths: new Set(Object.keys(manifest.files)), contents, sources, notes };
}

/** Paths that are never the generator's, though they sit in its first commit. */
function generated(path: string): boolean {
  return !UNTRACKED_PATHS.has(path) && !LOCKFILE_NAMES.has(path);
}

async function withoutManifest(input: BaseInput): Promise<Base> {
  const notes: string[] = [];
  const published = await input.published(LEGACY_VERSION, input.options);
  if (published.ok) {
    const files = new Map([...published.files].filter(([path]) => generated(path)));
    return { paths: new Set(files.keys()), contents: files, sources: { published: files.size }, notes };
  }
  notes.push(published.reason);
  const initial = await initialCommitFiles(input.dir);
  if (initial) {
    const files = new Map([...initial.files].filter(([path]) => generated(path)));
    return { paths: new Set(files.keys()), contents: files, sources: { git: files.size }, notes };
  }
  notes.push("no manifest and no initial commit from create-next-jwt-auth in the git history");
  return { paths: undefined, contents: new Map(), sources: {}, notes };
}
