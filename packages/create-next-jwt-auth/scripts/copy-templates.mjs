// Ship the template layers inside the package: the published CLI renders from
// <package>/templates (see src/layers.ts). Runs after tsup in `build`.
import { cpSync, existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = fileURLToPath(new URL("../../../templates", import.meta.url));
const target = fileURLToPath(new URL("../templates", import.meta.url));
if (!existsSync(source)) {
  console.error(`copy-templates: ${source} is missing`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
// Generated apps a developer rendered inside templates/ must not ship.
cpSync(source, target, {
  recursive: true,
  filter: (path) => !/[\\/](node_modules|\.next|test-results|playwright-report)([\\/]|$)/.test(path),
});
console.log(`copy-templates: ${source} → ${target}`);
