import { describe, expect, it } from "vitest";
import type { PackageManager } from "../src/options.js";
import { upgradeInstallCommand } from "../src/upgrade/install-command.js";
import { appOptions } from "./upgrade-helpers.js";

const options = (packageManager: PackageManager, packageManagerSpec?: string) => ({
  ...appOptions({ backend: "rest", session: "jwt", db: undefined }),
  packageManager,
  packageManagerSpec,
});

describe("upgradeInstallCommand lets the install change the lockfile, even in CI", () => {
  const cases: [string, ReturnType<typeof options>, boolean, string][] = [
    ["pnpm is told not to freeze the lockfile (it does in CI)", options("pnpm", "pnpm@10.34.9"), false, "pnpm install --no-frozen-lockfile"],
    ["pnpm inside a workspace installs the app on its own", options("pnpm", "pnpm@10.34.9"), true, "pnpm install --ignore-workspace --no-frozen-lockfile"],
    ["Yarn 2+ is told not to be immutable (it is in CI)", options("yarn", "yarn@4.5.0"), false, "yarn install --no-immutable"],
    ["Yarn 1 knows no --no-immutable and never freezes by default", options("yarn", "yarn@1.22.22"), false, "yarn install"],
    ["npm installs as usual", options("npm", "npm@11.0.0"), false, "npm install"],
    ["bun installs as usual", options("bun"), false, "bun install"],
  ];
  it.each(cases)("%s", (_name, given, workspace, expected) => {
    expect(upgradeInstallCommand(given, workspace).flat().join(" ")).toBe(expected);
  });
});
