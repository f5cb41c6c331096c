import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createContext } from "../src/context.js";
import { CliError } from "../src/errors.js";
import { renderLayers, outputPath, mergeJson } from "../src/render.js";
import { VERSIONS } from "../src/versions.js";
import { tempDir } from "./helpers.js";

/** Write fixture layers: { "layer/path": contents }. */
function fixture(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

const context = createContext({
  projectName: "fixture-app",
  stack: { backend: "nestjs", session: "db", db: "sqlite" },
  packageManager: "pnpm",
});

function render(files: Record<string, string>, layers = ["a", "b"]) {
  return renderLayers({ templatesRoot: fixture(files), layers, context, packageManagerSpec: "pnpm@10.34.9" });
}

const text = (tree: Map<string, Buffer>, path: string) => tree.get(path)?.toString("utf8");

describe("renderLayers rules (fixture layers)", () => {
  it("renames _name files to dot-files but keeps _folders", () => {
    const tree = render({ "a/_gitignore": "x\n", "a/app/_components/_env.example": "A=1\n", "b/x.ts": "" });
    expect([...tree.keys()]).toEqual([".gitignore", "app/_components/.env.example", "package.json", "x.ts"]);
  });

  it("templates only .hbs files and drops the suffix", () => {
    const tree = render({ "a/one.ts.hbs": "export const name = \"{{projectName}}\";\n", "b/two.ts": "{{projectName}}\n" });
    expect(text(tree, "one.ts")).toBe('export const name = "fixture-app";\n');
    expect(text(tree, "two.ts")).toBe("{{projectName}}\n");
  });

  it("copies non-template files byte for byte", () => {
    const bytes = Buffer.from([0, 255, 13, 10, 9, 32]);
    const root = fixture({ "b/keep.txt": "" });
    mkdirSync(join(root, "a"), { recursive: true });
    writeFileSync(join(root, "a/blob.bin"), bytes);
    const tree = renderLayers({ templatesRoot: root, layers: ["a", "b"], context });
    expect(tree.get("blob.bin")).toEqual(bytes);
  });

  it("leaves out a template that renders to whitespace", () => {
    const tree = render({ "a/only-jwt.ts.hbs": "{{#if isJwt}}jwt{{/if}}\n", "b/x.ts": "" });
    expect(tree.has("only-jwt.ts")).toBe(false);
  });

  it("fails on an unknown template variable (strict mode)", () => {
    expect(() => render({ "a/x.ts.hbs": "{{nope}}", "b/y": "" })).toThrow(CliError);
  });

  it("concatenates .gitignore and .env.example parts in layer order", () => {
    const tree = render({ "a/_gitignore": "a\n", "b/_gitignore": "b\n", "a/_env.example": "A=\n", "b/_env.example": "B=\n" });
    expect(text(tree, ".gitignore")).toBe("a\n\nb\n");
    expect(text(tree, ".env.example")).toBe("A=\n\nB=\n");
  });

  it("refuses a path given by two layers", () => {
    expect(() => render({ "a/x.ts": "1", "b/x.ts": "2" })).toThrow(/x\.ts is given twice/);
  });

  it("refuses a missing layer by name", () => {
    expect(() => render({ "a/x.ts": "1" }, ["a", "missing"])).toThrow(/layer "missing" is missing/);
  });

  it("merges package.json fragments and pins catalog versions", () => {
    const tree = render({
      "a/package.json": JSON.stringify({ scripts: { dev: "next dev" }, dependencies: { next: "catalog:" } }),
      "b/package.json": JSON.stringify({ scripts: { test: "vitest" }, dependencies: { zod: "catalog:" } }),
    });
    const manifest = JSON.parse(text(tree, "package.json")!);
    expect(manifest).toEqual({
      name: "fixture-app",
      version: "0.1.0",
      private: true,
      scripts: { dev: "next dev", test: "vitest" },
      dependencies: { next: VERSIONS.next, zod: VERSIONS.zod },
      packageManager: "pnpm@10.34.9",
      engines: { node: ">=22.14" },
    });
  });

  const badManifests: [string, object, RegExp][] = [
    ["a version that is not catalog: is refused", { dependencies: { next: "^16.0.0" } }, /must be "catalog:"/],
    ["a dependency missing from versions.ts is refused", { devDependencies: { "left-pad": "catalog:" } }, /no pinned version for left-pad/],
  ];
  it.each(badManifests)("%s", (_name, fragment, message) => {
    expect(() => render({ "a/package.json": JSON.stringify(fragment), "b/x": "" })).toThrow(message);
  });
});

describe("outputPath", () => {
  const cases: [string, string][] = [
    ["_gitignore", ".gitignore"],
    ["sub/_env.example", "sub/.env.example"],
    ["app/_components/button.tsx", "app/_components/button.tsx"],
    ["__init__", "__init__"],
    ["plain.ts", "plain.ts"],
  ];
  it.each(cases)("%s becomes %s", (source, expected) => {
    expect(outputPath(source)).toBe(expected);
  });
});

describe("mergeJson", () => {
  it("merges objects deeply, unions arrays and lets later scalars win", () => {
    expect(mergeJson({ a: { x: 1 }, list: [1, 2], s: "old" }, { a: { y: 2 }, list: [2, 3], s: "new" })).toEqual({
      a: { x: 1, y: 2 },
      list: [1, 2, 3],
      s: "new",
    });
  });
});
