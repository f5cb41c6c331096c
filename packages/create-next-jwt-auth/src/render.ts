import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import Handlebars from "handlebars";
import type { TemplateContext } from "./context.js";
import { CliError } from "./errors.js";
import { VERSIONS } from "./versions.js";

/** A rendered project held in memory: relative POSIX path → contents. */
export type FileTree = Map<string, Buffer>;

/** Files several layers may contribute to; their parts are concatenated in layer order. */
const CONCATENATED = new Set([".gitignore", ".env.example"]);
const PACKAGE_JSON = "package.json";
const CATALOG = "catalog:";

export interface RenderInput {
  /** Absolute path of the directory holding the layer folders. */
  templatesRoot: string;
  /** Layer folder names, applied in order. */
  layers: readonly string[];
  context: TemplateContext;
  /** The `packageManager` field, e.g. `pnpm@10.34.9`; omitted when undefined. */
  packageManagerSpec?: string | undefined;
}

/**
 * Render the given layers into an in-memory file tree. Nothing touches the disk
 * except reading the templates, which is what makes `--dry-run` and disk-free
 * tests possible.
 *
 * Rules: only `*.hbs` files are templated (the suffix is dropped, and a file
 * that renders to whitespace only is left out); every other file is copied byte
 * for byte; a file named `_name` becomes `.name` (npm drops dot-files such as
 * `.gitignore` from published packages); `package.json` fragments are deep-merged
 * with `"catalog:"` versions filled from the version map; `.gitignore` and
 * `.env.example` parts are concatenated; any other path given by two layers is an
 * error.
 */
export function renderLayers(input: RenderInput): FileTree {
  const tree: FileTree = new Map();
  let manifest: Record<string, unknown> = {};

  for (const layer of input.layers) {
    const layerDir = join(input.templatesRoot, layer);
    if (!existsSync(layerDir)) {
      throw new CliError("TEMPLATE", `template layer "${layer}" is missing from ${input.templatesRoot}`);
    }
    for (const source of listFiles(layerDir)) {
      const raw = readFileSync(join(layerDir, source));
      const templated = source.endsWith(".hbs");
      const target = outputPath(templated ? source.slice(0, -".hbs".length) : source);
      const contents = templated ? renderTemplate(raw, input.context, `${layer}/${source}`) : raw;
      if (contents === undefined) continue;

      if (target === PACKAGE_JSON) {
        manifest = mergeJson(manifest, parseJson(contents, `${layer}/${source}`));
      } else if (CONCATENATED.has(posix.basename(target)) && tree.has(target)) {
        tree.set(target, Buffer.concat([tree.get(target)!, Buffer.from("\n"), contents]));
      } else if (tree.has(target)) {
        throw new CliError("TEMPLATE", `template layers collide: ${target} is given twice (last by ${layer})`);
      } else {
        tree.set(target, contents);
      }
    }
  }

  tree.set(PACKAGE_JSON, Buffer.from(finishManifest(manifest, input) + "\n"));
  return new Map([...tree.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** `_gitignore` → `.gitignore`, for files only (folders such as `app/_components` keep their name). */
export function outputPath(source: string): string {
  const dir = posix.dirname(source);
  const base = posix.basename(source);
  const renamed = /^_[a-z]/i.test(base) ? `.${base.slice(1)}` : base;
  return dir === "." ? renamed : `${dir}/${renamed}`;
}

function listFiles(root: string, prefix = ""): string[] {
  const entries = readdirSync(join(root, prefix), { withFileTypes: true });
  return entries.flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, rel) : [rel];
  });
}

function renderTemplate(raw: Buffer, context: TemplateContext, name: string): Buffer | undefined {
  let text: string;
  try {
    text = Handlebars.compile(raw.toString("utf8"), { strict: true, noEscape: true })(context, {
      helpers: { eq: (a: unknown, b: unknown) => a === b },
    });
  } catch (error) {
    throw new CliError("TEMPLATE", `cannot render ${name}: ${(error as Error).message}`);
  }
  return text.trim() === "" ? undefined : Buffer.from(text);
}

function parseJson(contents: Buffer, name: string): Record<string, unknown> {
  try {
    return JSON.parse(contents.toString("utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new CliError("TEMPLATE", `${name} is not valid JSON: ${(error as Error).message}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep merge: objects merge key by key, arrays concatenate without duplicates, scalars of `b` win. */
export function mergeJson(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    if (isPlainObject(prev) && isPlainObject(value)) out[key] = mergeJson(prev, value);
    else if (Array.isArray(prev) && Array.isArray(value)) out[key] = [...new Set([...prev, ...value])];
    else out[key] = value;
  }
  return out;
}

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies"] as const;

function finishManifest(manifest: Record<string, unknown>, input: RenderInput): string {
  const out: Record<string, unknown> = { name: input.context.projectName, ...manifest };
  delete out.name;
  const ordered: Record<string, unknown> = {
    name: input.context.projectName,
    version: "0.1.0",
    private: true,
    ...out,
  };
  if (input.packageManagerSpec) ordered.packageManager = input.packageManagerSpec;
  ordered.engines = { node: `>=${input.context.nodeFloor}` };

  for (const field of DEPENDENCY_FIELDS) {
    const deps = ordered[field];
    if (!isPlainObject(deps)) continue;
    const pinned: Record<string, string> = {};
    for (const name of Object.keys(deps).sort()) {
      const spec = deps[name];
      if (spec !== CATALOG) {
        throw new CliError("TEMPLATE", `${field}.${name} must be "${CATALOG}" (versions live in versions.ts)`);
      }
      const version = (VERSIONS as Record<string, string>)[name];
      if (!version) throw new CliError("TEMPLATE", `no pinned version for ${name}: add it to versions.ts`);
      pinned[name] = version;
    }
    ordered[field] = pinned;
  }
  return JSON.stringify(ordered, null, 2);
}
