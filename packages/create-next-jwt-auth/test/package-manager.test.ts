import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { choosePackageManager, fromUserAgent, installedVersion, packageManagerSpec } from "../src/package-manager.js";
import type { PackageManager } from "../src/options.js";
import { fakeExec, failed, notFound, ok, tempDir } from "./helpers.js";

describe("fromUserAgent", () => {
  const cases: [string | undefined, ReturnType<typeof fromUserAgent>][] = [
    ["pnpm/10.34.9 npm/? node/v20.20.0 linux x64", { name: "pnpm", version: "10.34.9" }],
    ["npm/11.6.2 node/v20.20.0 linux x64 workspaces/false", { name: "npm", version: "11.6.2" }],
    ["yarn/1.22.22 npm/? node/v20.20.0 linux x64", { name: "yarn", version: "1.22.22" }],
    ["bun/1.2.3 npm/? node/v22.0.0 linux x64", { name: "bun", version: "1.2.3" }],
    ["pnpm/next npm/? node/v20", { name: "pnpm", version: undefined }],
    ["deno/2.0.0 npm/?", undefined],
    ["", undefined],
    [undefined, undefined],
  ];
  it.each(cases)("reads %j", (agent, expected) => {
    expect(fromUserAgent(agent)).toEqual(expected);
  });
});

describe("choosePackageManager", () => {
  const cases: [string, PackageManager | undefined, string | undefined, PackageManager][] = [
    ["the flag wins over the user agent", "bun", "pnpm/10.0.0", "bun"],
    ["the user agent is used without a flag", undefined, "yarn/1.22.22 npm/?", "yarn"],
    ["npm is the fallback", undefined, undefined, "npm"],
  ];
  it.each(cases)("%s", (_name, flag, agent, expected) => {
    expect(choosePackageManager(flag, agent)).toBe(expected);
  });
});

describe("packageManagerSpec", () => {
  const cases: [string, PackageManager, string | undefined, ReturnType<typeof ok> | undefined, string | undefined][] = [
    ["takes the version from the user agent without running anything", "pnpm", "pnpm/10.34.9 npm/?", undefined, "pnpm@10.34.9"],
    ["asks the tool when the user agent is another manager", "yarn", "npm/11.6.2 node/v20", ok("4.9.2"), "yarn@4.9.2"],
    ["gives up when the tool is missing", "bun", undefined, notFound("bun"), undefined],
    ["gives up when the tool fails", "pnpm", undefined, failed("boom"), undefined],
    ["gives up on output that is not a version", "npm", undefined, ok("not a version"), undefined],
  ];
  it.each(cases)("%s", async (_name, pm, agent, probe, expected) => {
    const { exec, calls } = fakeExec(() => probe ?? failed("should not run"));
    expect(await packageManagerSpec(pm, agent, exec, "/")).toBe(expected);
    expect(calls).toEqual(probe ? [`${pm} --version`] : []);
  });
});

describe("installedVersion", () => {
  function fakeInstall(pm: string, manifest: object | undefined): string {
    const root = tempDir();
    const pkg = join(root, "lib/node_modules", pm);
    mkdirSync(join(pkg, "bin"), { recursive: true });
    writeFileSync(join(pkg, "bin/cli.js"), "");
    if (manifest) writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest));
    mkdirSync(join(root, "bin"));
    symlinkSync(join(pkg, "bin/cli.js"), join(root, "bin", pm));
    return join(root, "bin");
  }

  const cases: [string, object | undefined, string | undefined][] = [
    ["reads the version of the package the executable links to", { name: "npm", version: "11.6.2" }, "11.6.2"],
    ["ignores a manifest of another package", { name: "something-else", version: "1.0.0" }, undefined],
    ["ignores a version that is not a release", { name: "npm", version: "latest" }, undefined],
    ["gives up on an executable without a manifest", undefined, undefined],
  ];
  it.each(cases)("%s", (_name, manifest, expected) => {
    expect(installedVersion("npm", `/nonexistent${delimiter}${fakeInstall("npm", manifest)}`)).toBe(expected);
  });

  it("is used before running the tool", async () => {
    const path = fakeInstall("pnpm", { name: "pnpm", version: "10.1.0" });
    const { exec, calls } = fakeExec(() => ok("9.9.9"));
    expect(await packageManagerSpec("pnpm", undefined, exec, "/", path)).toBe("pnpm@10.1.0");
    expect(calls).toEqual([]);
  });
});
