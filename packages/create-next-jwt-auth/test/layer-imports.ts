import { readdirSync } from "node:fs";
import { join, posix } from "node:path";
import { createContext } from "../src/context.js";
import { layersFor } from "../src/layers.js";
import { allStacks, stackId, type Stack } from "../src/options.js";
import { outputPath, renderLayers } from "../src/render.js";

/** One `import`/`export … from`/`import()`/`vi.mock()` of a relative or `@/` path. */
export interface LocalImport {
  /** Rendered path of the importing file. */
  from: string;
  /** The layer that gives the importing file. */
  layer: string;
  specifier: string;
  /** Rendered path it resolves to, or undefined when no layer of the stack gives it. */
  target: string | undefined;
  /** The layer that gives the target. */
  provider: string | undefined;
}

const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
const SPECIFIERS = [
  /\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  /\b(?:vi\.(?:mock|doMock|unmock|importActual)|require)\(\s*["']([^"']+)["']/g,
];
/** What a bundler/TypeScript tries for an extension-less specifier, in order. */
const SUFFIXES = ["", ".ts", ".tsx", ".d.ts", ".js", ".mjs", ".json", "/index.ts", "/index.tsx"];

/** Every relative and `@/` specifier in a source text, comments left out. */
export function localSpecifiers(source: string): string[] {
  const code = source
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join("\n");
  const found = new Set<string>();
  for (const pattern of SPECIFIERS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1]!;
      if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("@/")) found.add(specifier);
    }
  }
  return [...found];
}

function resolveIn(files: ReadonlySet<string>, from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : posix.join(posix.dirname(from), specifier);
  const stem = base.replace(/\.js$/, "");
  for (const candidate of [...SUFFIXES.map((s) => base + s), ...SUFFIXES.map((s) => stem + s)]) {
    if (files.has(candidate)) return candidate;
  }
  return undefined;
}

function listFiles(root: string, prefix = ""): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, rel) : [rel];
  });
}

/** Rendered path → the layer whose file it comes from (the first, for concatenated files). */
export function provenance(templatesRoot: string, layers: readonly string[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const layer of layers) {
    for (const source of listFiles(join(templatesRoot, layer))) {
      const target = outputPath(source.endsWith(".hbs") ? source.slice(0, -".hbs".length) : source);
      if (!owner.has(target)) owner.set(target, layer);
    }
  }
  return owner;
}

/** Every local import of one stack's rendered files, resolved against that stack's files. */
export function localImports(templatesRoot: string, stack: Stack): LocalImport[] {
  const layers = layersFor(stack);
  const tree = renderLayers({
    templatesRoot,
    layers,
    context: createContext({ projectName: "layer-imports", stack, packageManager: "pnpm" }),
  });
  const owner = provenance(templatesRoot, layers);
  const files = new Set(tree.keys());
  const imports: LocalImport[] = [];
  for (const [from, contents] of tree) {
    if (!CODE.test(from)) continue;
    for (const specifier of localSpecifiers(contents.toString("utf8"))) {
      const target = resolveIn(files, from, specifier);
      imports.push({ from, layer: owner.get(from)!, specifier, target, provider: target && owner.get(target) });
    }
  }
  return imports;
}

/** Imports of one stack that no layer of it provides, as readable lines. */
export function unresolvedImports(templatesRoot: string, stack: Stack): string[] {
  return localImports(templatesRoot, stack)
    .filter((i) => i.target === undefined)
    .map((i) => `${stackId(stack)}: ${i.layer}/${i.from} imports "${i.specifier}", which no layer of ${layersFor(stack).join(" + ")} provides`);
}

/** The kind of a layer: `backend`, `session`, `db`, or `base`. */
export function layerKind(layer: string): string {
  return layer.split("-")[0]!;
}

/**
 * A file one layer imports from a layer of another kind: `base` imports
 * `lib/…/backend/adapter.ts`, which every backend layer provides.
 */
export interface LayerContract {
  importer: string;
  path: string;
  /** Layers that provide the file. */
  providers: string[];
  /** Layers of the providers' kinds that leave the file to a layer after them in every stack (session-db to each db-*). */
  deferring: string[];
  /** Layers of the providers' kinds, in a stack with the importer, after which no layer provides it. */
  missing: string[];
}

/**
 * The contracts between layers, derived from the imports of every stack: for
 * each file a layer imports from a layer of another kind (base aside), which
 * layers of that kind provide it and which do not.
 */
export function layerContracts(templatesRoot: string, stacks: readonly Stack[] = allStacks()): LayerContract[] {
  const providers = new Map<string, Set<string>>();
  for (const stack of stacks) {
    for (const i of localImports(templatesRoot, stack)) {
      if (!i.target || !i.provider || i.provider === "base" || layerKind(i.provider) === layerKind(i.layer)) continue;
      const key = `${i.layer}\n${i.target}`;
      providers.set(key, (providers.get(key) ?? new Set()).add(i.provider));
    }
  }
  const contracts: LayerContract[] = [];
  for (const [key, given] of [...providers].sort(([a], [b]) => a.localeCompare(b))) {
    const [importer, path] = key.split("\n") as [string, string];
    const kinds = new Set([...given].map(layerKind));
    const withImporter = stacks.map(layersFor).filter((layers) => layers.includes(importer));
    const others = [...new Set(withImporter.flat())].filter((l) => kinds.has(layerKind(l)) && !given.has(l)).sort();
    // Fine only if, in every stack the layer is in, another layer provides the file.
    const coveredLater = (layer: string) => withImporter.filter((ls) => ls.includes(layer)).every((ls) => ls.some((l) => given.has(l)));
    contracts.push({
      importer,
      path,
      providers: [...given].sort(),
      deferring: others.filter(coveredLater),
      missing: others.filter((layer) => !coveredLater(layer)),
    });
  }
  return contracts;
}

/**
 * Tests given by another layer than the file they are named after
 * (`x.test.ts` next to `x.ts` in the app): the test then depends on a layer
 * the code does not, and editing the code in place hides its test.
 */
export function testsAwayFromTheirCode(templatesRoot: string, stack: Stack): string[] {
  const owner = provenance(templatesRoot, layersFor(stack));
  const away: string[] = [];
  for (const [path, layer] of owner) {
    const match = /^(.*)\.test\.(ts|tsx)$/.exec(path);
    if (!match) continue;
    const code = [".ts", ".tsx"].map((ext) => match[1] + ext).find((p) => owner.has(p));
    if (code && owner.get(code) !== layer) away.push(`${layer}/${path} tests ${owner.get(code)}/${code}`);
  }
  return away.sort();
}
