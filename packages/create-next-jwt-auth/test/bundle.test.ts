import { execFileSync } from "node:child_process";
import { builtinModules } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { layersFor } from "../src/layers.js";
import { allStacks } from "../src/options.js";

const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const BUNDLE = join(PACKAGE, "dist/index.js");
const manifest = JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8"));
const bundle = readFileSync(BUNDLE, "utf8");

/** Relative POSIX paths of every file under `dir` (hand-walked: Node 20.9 has no Dirent.parentPath). */
function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, rel) : [rel];
    })
    .sort();
}

describe("the published package", () => {
  it("declares no runtime dependencies of any kind", () => {
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies", "bundledDependencies"]) {
      expect(manifest, field).not.toHaveProperty(field);
    }
  });

  it("exposes the bundle as the bin and ships it with the templates", () => {
    expect(manifest.bin).toEqual({ "create-next-jwt-auth": "dist/index.js" });
    expect(manifest.files).toEqual(["dist", "templates"]);
    expect(manifest.engines.node).toBe(">=20.9");
  });

  it("is a single ESM file that starts with a node shebang", () => {
    expect(bundle.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(readdirSync(join(PACKAGE, "dist"))).toEqual(["index.js"]);
  });

  it("imports and requires nothing but Node built-ins", () => {
    const specifiers = new Set<string>();
    const patterns = [
      /^\s*import\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
      /^\s*import\s*["']([^"']+)["']/gm,
      /^\s*export\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
      /\bimport\(\s*["']([^"']+)["']\s*\)/g,
      /\b(?:__)?require\(\s*["']([^"']+)["']\s*\)/g,
    ];
    for (const pattern of patterns) for (const match of bundle.matchAll(pattern)) specifiers.add(match[1]!);
    expect(specifiers.size).toBeGreaterThan(0);
    const foreign = [...specifiers].filter((s) => !builtinModules.includes(s.replace(/^node:/, "")));
    expect(foreign).toEqual([]);
    // ES imports are spelled node:, which cannot resolve to a package of the same name.
    const esImports = [...bundle.matchAll(patterns[0]!)].map((m) => m[1]!);
    expect(esImports.filter((s) => !s.startsWith("node:"))).toEqual([]);
  });

  it("packs the bundle and every template file (npm would drop dot-files; ours are _named)", () => {
    const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: PACKAGE, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    const paths: string[] = packed[0].files.map((f: { path: string }) => f.path).sort();
    const templates = filesUnder(join(PACKAGE, "templates")).map((p) => `templates/${p}`);
    expect(templates.length).toBeGreaterThan(10);
    expect(paths).toEqual(["dist/index.js", "package.json", ...templates].sort());
  }, 60_000);

  it("ships the same template layers as the repository, and nothing else of templates/", () => {
    const root = fileURLToPath(new URL("../../../templates", import.meta.url));
    const skip = /(^|\/)(node_modules|\.next|test-results|playwright-report)\//;
    // templates/ is also a workspace package (package.json, node_modules, tsconfigs); only the layers ship.
    const layers = [...new Set(allStacks().flatMap(layersFor))].sort();
    expect(readdirSync(join(PACKAGE, "templates")).sort()).toEqual(layers);
    const inRepository = layers.flatMap((layer) => filesUnder(join(root, layer)).map((p) => `${layer}/${p}`));
    expect(filesUnder(join(PACKAGE, "templates"))).toEqual(inRepository.filter((p) => !skip.test(p)).sort());
  });
});
