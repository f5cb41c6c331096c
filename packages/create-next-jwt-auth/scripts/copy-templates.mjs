// Ship the template layers inside the package: the published CLI renders from
// <package>/templates (see src/layers.ts). Runs after tsup in `build`.
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const source = fileURLToPath(new URL("../../../templates", import.meta.url));
const target = fileURLToPath(new URL("../templates", import.meta.url));
if (!existsSync(source)) {
  console.error(`copy-templates: ${source} is missing`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
// Only the layer folders: templates/ is also a workspace package (package.json,
// node_modules, the tsconfigs that type-check the layers in place), none of
// which belongs in an app. Generated apps a developer rendered inside a layer
// must not ship either.
const LAYER = /^(base|(backend|session|db)-[a-z0-9-]+)$/;
for (const entry of readdirSync(source, { withFileTypes: true })) {
  if (!entry.isDirectory() || !LAYER.test(entry.name)) continue;
  cpSync(join(source, entry.name), join(target, entry.name), {
    recursive: true,
    filter: (path) => !/[\\/](node_modules|\.next|test-results|playwright-report)([\\/]|$)/.test(path),
  });
}
console.log(`copy-templates: ${source} → ${target}`);
