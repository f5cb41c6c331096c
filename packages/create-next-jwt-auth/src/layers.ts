import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Stack } from "./options.js";

/**
 * One rule per layer, in the order the layers are applied: the layer a stack
 * gets from the rule, or `undefined` for none. Later layers may add files but
 * never replace one (see `render.ts` for the merge rules).
 */
const LAYER_RULES: readonly ((stack: Stack) => string | undefined)[] = [
  () => "base",
  // The JSON-over-HTTP adapter and mock that NestJS and REST share; their own
  // layers add only the preset (`config.ts`) and the mock's `protocol.ts`.
  (stack) => (stack.backend === "nestjs" || stack.backend === "rest" ? "backend-http" : undefined),
  (stack) => `backend-${stack.backend}`,
  (stack) => `session-${stack.session}`,
  // A database app adds `db-<sqlite|postgres>`: that database's driver, store,
  // `open-store.ts`, migration script, docs and tests, so an app holds one
  // database's code only; `session-db` keeps what both share (the store
  // contract, rows, crypto, migrations).
  (stack) => (stack.db === undefined ? undefined : `db-${stack.db}`),
];

/** The template layers of a stack, in the order they are applied. */
export function layersFor(stack: Stack): string[] {
  return LAYER_RULES.map((rule) => rule(stack)).filter((layer) => layer !== undefined);
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
