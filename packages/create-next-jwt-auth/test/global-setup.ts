import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Bring dist/ up to date the same way `npm run create` does, so e2e tests run what users run. */
export default function setup(): void {
  const bootstrap = fileURLToPath(new URL("../../../scripts/bootstrap.mjs", import.meta.url));
  execFileSync(process.execPath, [bootstrap], { stdio: ["ignore", "inherit", "inherit"] });
}
