/**
 * Template development only: render a stack into a directory, overwriting the
 * files the templates produce and leaving everything else (node_modules, .next,
 * .env.local) alone, so a generated app can be re-rendered while you iterate.
 * Users never run this; the CLI refuses non-empty targets instead.
 *
 *   pnpm exec tsx scripts/dev-render.ts <dir> <backend> <session> [db]
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createContext } from "../packages/create-next-jwt-auth/src/context.js";
import { layersFor, templatesRoot } from "../packages/create-next-jwt-auth/src/layers.js";
import { createManifest, MANIFEST_PATH, serializeManifest } from "../packages/create-next-jwt-auth/src/manifest.js";
import { isOneOf, BACKENDS, SESSIONS, DATABASES } from "../packages/create-next-jwt-auth/src/options.js";
import { renderLayers } from "../packages/create-next-jwt-auth/src/render.js";

const [dirArg, backend, session, dbArg] = process.argv.slice(2);
if (!dirArg || !isOneOf(BACKENDS, backend) || !isOneOf(SESSIONS, session)) {
  console.error("usage: tsx scripts/dev-render.ts <dir> <drupal|rest|nestjs> <jwt|db> [sqlite|postgres]");
  process.exit(2);
}
const db = session === "db" ? (isOneOf(DATABASES, dbArg) ? dbArg : "sqlite") : undefined;
const dir = resolve(dirArg);
const tree = renderLayers({
  templatesRoot: templatesRoot(),
  layers: layersFor({ backend, session, db }),
  context: createContext({ projectName: "dev-app", stack: { backend, session, db }, packageManager: "pnpm" }),
  packageManagerSpec: "pnpm@10.34.9",
});
// As the CLI writes it, so the app's `prettier --check .` sees the same files.
const options = { name: "dev-app", backend, session, db, packageManager: "pnpm" as const, packageManagerSpec: "pnpm@10.34.9" };
tree.set(MANIFEST_PATH, Buffer.from(serializeManifest(createManifest(tree, options))));
for (const [path, contents] of tree) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), contents);
}
const envLocal = join(dir, ".env.local");
if (!existsSync(envLocal) && tree.has(".env.example")) {
  const example = tree.get(".env.example")!.toString("utf8");
  writeFileSync(envLocal, example.replace(/^NEXTAUTH_SECRET=.*$/m, `NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`));
}
console.log(`rendered ${tree.size} files into ${dir}`);
