import { createContext } from "./context.js";
import { ENV_EXAMPLE, ENV_LOCAL, envLocalFrom } from "./env-local.js";
import { layersFor } from "./layers.js";
import { createManifest, MANIFEST_PATH, serializeManifest } from "./manifest.js";
import type { PackageManager, Stack } from "./options.js";
import { renderLayers, type FileTree } from "./render.js";

/**
 * Everything a new project gets on disk: the rendered layers, the manifest that
 * records them (`create-next-jwt-auth.json`) and a private `.env.local`.
 */
export interface ProjectFiles {
  tree: FileTree;
  /** Paths that hold secrets: written owner-only and never printed. */
  privatePaths: ReadonlySet<string>;
}

/**
 * Render a project in memory. `.env.local` is added here, not by a template, because
 * it carries a secret generated for this project alone; everything else is
 * deterministic (same CLI version and inputs → same bytes), which the manifest's
 * hashes rely on.
 */
export function projectFiles(input: {
  templatesRoot: string;
  name: string;
  stack: Stack;
  packageManager: PackageManager;
  packageManagerSpec: string | undefined;
  secret?: string;
}): ProjectFiles {
  const rendered = renderLayers({
    templatesRoot: input.templatesRoot,
    layers: layersFor(input.stack),
    context: createContext({ projectName: input.name, stack: input.stack, packageManager: input.packageManager }),
    packageManagerSpec: input.packageManagerSpec,
  });
  const example = rendered.get(ENV_EXAMPLE)?.toString("utf8");
  const tree: FileTree = new Map(rendered);
  const manifest = createManifest(rendered, {
    name: input.name,
    ...input.stack,
    packageManager: input.packageManager,
    packageManagerSpec: input.packageManagerSpec,
  });
  tree.set(MANIFEST_PATH, Buffer.from(serializeManifest(manifest)));
  tree.set(ENV_LOCAL, Buffer.from(envLocalFrom(example, input.secret)));
  return { tree: new Map([...tree].sort(([a], [b]) => a.localeCompare(b))), privatePaths: new Set([ENV_LOCAL]) };
}

/** Script names of the rendered package.json. */
export function scriptNames(tree: FileTree): Set<string> {
  const raw = tree.get("package.json")?.toString("utf8");
  const scripts = raw ? (JSON.parse(raw) as { scripts?: Record<string, string> }).scripts : undefined;
  return new Set(Object.keys(scripts ?? {}));
}

/** Variable names assigned (not just mentioned in comments) in the rendered `.env.example`. */
export function envVariableNames(tree: FileTree): Set<string> {
  const text = tree.get(ENV_EXAMPLE)?.toString("utf8") ?? "";
  return new Set([...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!));
}
