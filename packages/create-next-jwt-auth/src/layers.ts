import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Stack } from "./options.js";

/**
 * The template layers of a stack, in the order they are applied. Later layers
 * may add files but never replace one (see `render.ts` for the merge rules).
 * A database app adds `db-<sqlite|postgres>`: that database's driver, store,
 * `open-store.ts`, migration script, docs and tests, so an app holds one
 * database's code only; `session-db` keeps what both share (the store
 * contract, rows, crypto, migrations).
 */
export function layersFor(stack: Stack): string[] {
  const layers = ["base", `backend-${stack.backend}`, `session-${stack.session}`];
  if (stack.db !== undefined) layers.push(`db-${stack.db}`);
  return layers;
}

/**
 * Where the template layers live: next to `dist/` in the published package
 * (copied there by the build), or at the repository root when running from source.
 */
export function templatesRoot(): string {
  // From source, the repository's templates come first: the package's copy is a
  // build artefact and may be stale while templates are being edited.
  const fromSource = import.meta.url.endsWith(".ts");
  const order = fromSource ? ["../../../templates", "../templates"] : ["../templates", "../../../templates"];
  const candidates = order.map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`template layers not found (looked in ${candidates.join(", ")})`);
  return found;
}
