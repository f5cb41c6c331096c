/**
 * The template layers as a TypeScript workspace of their own, so every
 * combination type-checks straight from `templates/` without rendering:
 *
 * - `templates/package.json` is a private workspace package whose
 *   dependencies are the union of every layer's `package.json` fragment, pinned
 *   from the CLI's `versions.ts`, so `npm run bootstrap` installs the types of
 *   next, react, next-auth… into `templates/node_modules`, where every layer's
 *   imports find them.
 * - One tsconfig per combination maps the layers onto one tree: `rootDirs`
 *   for relative imports across layers (base's `./backend/adapter` is a
 *   backend layer's file) and `paths` for `@/*`, tried in layer order.
 *   `templates/tsconfig.json` is the one for the default stack, committed
 *   for editors; `scripts/typecheck-templates.ts` writes the others.
 *
 * Nothing here names a layer's files: everything derives from `layersFor`,
 * `allStacks` and the layers' own `package.json` and tsconfig.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, posix, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { layersFor } from "../packages/create-next-jwt-auth/src/layers.js";
import { allStacks, DEFAULT_STACK, stackId, type Stack } from "../packages/create-next-jwt-auth/src/options.js";
import { VERSIONS } from "../packages/create-next-jwt-auth/src/versions.js";

export const TEMPLATES = resolve(fileURLToPath(new URL("../templates", import.meta.url)));
/** One committed tsconfig per combination, `<stack id>.json`. */
export const TSCONFIG_DIR = join(TEMPLATES, "tsconfig");
/**
 * The tsconfig editors find for every file under `templates/`: a solution-style
 * config referencing every combination's, the default stack's first, so an
 * editor checks a file with the first combination that contains it.
 */
export const EDITOR_TSCONFIG = join(TEMPLATES, "tsconfig.json");
export const TEMPLATES_PACKAGE_JSON = join(TEMPLATES, "package.json");

export interface Combination {
  id: string;
  stack: Stack;
  layers: string[];
}

/** Every stack the CLI can generate, with its layers in order. */
export function combinations(): Combination[] {
  return allStacks().map((stack) => ({ id: stackId(stack), stack, layers: layersFor(stack) }));
}

export function defaultCombination(): Combination {
  return { id: stackId(DEFAULT_STACK), stack: DEFAULT_STACK, layers: layersFor(DEFAULT_STACK) };
}

function readJson(path: string): Record<string, unknown> {
  // tsconfig files may carry comments; the layers' do not, the generated ones start with one line.
  return JSON.parse(readFileSync(path, "utf8").replace(/^\s*\/\/.*$/gm, "")) as Record<string, unknown>;
}

/**
 * The generated app's tsconfig, from the base layer. It is `tsconfig.json.hbs`
 * (a template without placeholders) so that editors opening a file of
 * `templates/base` find `templates/tsconfig.json`, not this one.
 */
function appTsconfig(templates: string): Record<string, unknown> {
  for (const name of ["tsconfig.json.hbs", "tsconfig.json"]) {
    const path = join(templates, "base", name);
    if (existsSync(path)) return readJson(path);
  }
  throw new Error(`no tsconfig.json(.hbs) in ${join(templates, "base")}`);
}

/**
 * The tsconfig that checks one combination in place, for a file at `configPath`:
 * the app's compiler options with the layers mapped onto one tree.
 */
export function tsconfigFor(layers: readonly string[], configPath: string, templates = TEMPLATES): Record<string, unknown> {
  const app = appTsconfig(templates);
  const fromConfig = (path: string) => {
    const rel = relative(resolve(configPath, ".."), path).split("\\").join("/");
    return rel === "" ? "." : rel.startsWith(".") ? rel : `./${rel}`;
  };
  const layerDirs = layers.map((layer) => fromConfig(join(templates, layer)));
  const { paths: _appPaths, incremental: _incremental, ...options } = app.compilerOptions as Record<string, unknown>;
  return {
    compilerOptions: {
      ...options,
      // Relative imports across layers: the layers are one tree.
      rootDirs: layerDirs,
      // `@/x` is the first layer that has x, as in the rendered app (layers never give the same path twice).
      paths: { "@/*": layerDirs.map((dir) => `${dir}/*`) },
      // Only the apps' types (Node 22, React 19), not the workspace's own `@types/node`.
      typeRoots: [fromConfig(join(templates, "node_modules/@types"))],
    },
    include: layerDirs.flatMap((dir) => [`${dir}/**/*.ts`, `${dir}/**/*.tsx`]),
    exclude: [fromConfig(join(templates, "node_modules")), ...layerDirs.map((dir) => `${dir}/**/node_modules`)],
  };
}

/** How many options of `stack` differ from the default stack's: 0 for the default itself. */
function distanceFromDefault(stack: Stack): number {
  return (["backend", "session", "db"] as const).filter((option) => stack[option] !== DEFAULT_STACK[option]).length;
}

/** Where a combination's tsconfig is committed. */
export function tsconfigPath(combination: Combination, templates = TEMPLATES): string {
  return join(templates, "tsconfig", `${combination.id}.json`);
}

const GENERATED = "Generated by `npm run typecheck:templates -- --write` (scripts/template-layers.ts); do not edit.";

/** The text of a combination's tsconfig file, deterministic. */
export function tsconfigText(combination: Combination, templates = TEMPLATES): string {
  const config = tsconfigFor(combination.layers, tsconfigPath(combination, templates), templates);
  return `// ${GENERATED}\n// ${combination.id}: ${combination.layers.join(" + ")}.\n${JSON.stringify(config, null, 2)}\n`;
}

/**
 * The solution-style `templates/tsconfig.json`: no files of its own, a
 * reference per combination, the default stack first and then the stacks
 * closest to it. An editor opening a layer's file uses the first referenced
 * combination that includes it: base as rest + jwt, session-db as rest + db.
 */
export function editorTsconfigText(): string {
  const ordered = [...combinations()].sort((a, b) => distanceFromDefault(a.stack) - distanceFromDefault(b.stack));
  const config = { files: [], references: ordered.map((c) => ({ path: `./tsconfig/${c.id}.json` })) };
  return `// ${GENERATED}\n${JSON.stringify(config, null, 2)}\n`;
}

/**
 * The expected `templates/package.json`: every dependency any layer declares,
 * pinned as the CLI pins it in a generated app.
 */
export function templatesPackageJson(templates = TEMPLATES): Record<string, unknown> {
  const names = new Set<string>();
  const layers = new Set(combinations().flatMap((c) => c.layers));
  for (const layer of layers) {
    const path = join(templates, layer, "package.json");
    if (!existsSync(path)) continue;
    const fragment = readJson(path);
    for (const field of ["dependencies", "devDependencies"]) {
      for (const name of Object.keys((fragment[field] as Record<string, string> | undefined) ?? {})) names.add(name);
    }
  }
  const devDependencies: Record<string, string> = {};
  for (const name of [...names].sort()) {
    const version = (VERSIONS as Record<string, string>)[name];
    if (!version) throw new Error(`no pinned version for ${name} in versions.ts`);
    devDependencies[name] = version;
  }
  return {
    name: "create-next-jwt-auth-templates",
    private: true,
    description:
      "The template layers as one workspace package, so editors and `npm run typecheck:templates` see the apps' dependencies. Generated: scripts/typecheck-templates.ts --write.",
    type: "module",
    devDependencies,
  };
}

/**
 * Every generated file under `templates/` with its expected text: the
 * combinations' tsconfigs, the editors' solution config and the package.json.
 */
export function generatedFiles(templates = TEMPLATES): Map<string, string> {
  const files = new Map<string, string>();
  for (const combination of combinations()) files.set(tsconfigPath(combination, templates), tsconfigText(combination, templates));
  files.set(join(templates, "tsconfig.json"), editorTsconfigText());
  files.set(join(templates, "package.json"), `${JSON.stringify(templatesPackageJson(templates), null, 2)}\n`);
  return files;
}

/** `posix` path of `path` under `templates/`, for messages. */
export function templatesPath(path: string): string {
  return posix.join("templates", relative(TEMPLATES, path).split("\\").join("/"));
}
