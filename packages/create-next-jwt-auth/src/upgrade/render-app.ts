import { MANIFEST_PATH, UNTRACKED_PATHS, type ManifestOptions } from "../manifest.js";
import { projectFiles } from "../project-files.js";
import type { FileTree } from "../render.js";

/** An app as this CLI renders it: the generated files, and the manifest text recording them. */
export interface RenderedApp {
  /** Every generated path except the manifest and `.env.local`. */
  files: FileTree;
  manifest: Buffer;
}

/**
 * Render an app with this CLI's templates, as `create` would write it. The
 * per-run secret file (`.env.local`) is left out: upgrade never touches it.
 */
export function renderApp(templatesRoot: string, options: ManifestOptions): RenderedApp {
  const { tree } = projectFiles({
    templatesRoot,
    name: options.name,
    stack: { backend: options.backend, session: options.session, db: options.db },
    packageManager: options.packageManager,
    packageManagerSpec: options.packageManagerSpec,
  });
  const files: FileTree = new Map([...tree].filter(([path]) => !UNTRACKED_PATHS.has(path)));
  return { files, manifest: tree.get(MANIFEST_PATH)! };
}
