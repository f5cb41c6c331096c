import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { combinations, defaultCombination, generatedFiles, TEMPLATES, templatesPackageJson, templatesPath, tsconfigFor } from "./template-layers.js";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the layers (not node_modules) to break on purpose. */
function copyOfTemplates(): string {
  const dir = mkdtempSync(join(tmpdir(), "cnja-templates-"));
  made.push(dir);
  for (const layer of new Set(combinations().flatMap((c) => c.layers))) cpSync(join(TEMPLATES, layer), join(dir, layer), { recursive: true });
  return dir;
}

describe("templates/ as a workspace of its own", () => {
  it("holds the tsconfigs and package.json the layers give (else: npm run typecheck:templates -- --write)", () => {
    const files = generatedFiles();
    expect(files.size).toBe(combinations().length + 2);
    for (const [path, text] of files) {
      expect(existsSync(path), templatesPath(path)).toBe(true);
      expect(readFileSync(path, "utf8"), templatesPath(path)).toBe(text);
    }
    // No leftover config of a combination that no longer exists.
    const committed = readdirSync(join(TEMPLATES, "tsconfig")).map((name) => join(TEMPLATES, "tsconfig", name));
    expect(committed.filter((path) => !files.has(path)).map(templatesPath)).toEqual([]);
  });

  it("no layer holds a tsconfig.json, which an editor would take instead of templates/tsconfig.json", () => {
    const layers = new Set(combinations().flatMap((c) => c.layers));
    const found = [...layers].filter((layer) => existsSync(join(TEMPLATES, layer, "tsconfig.json")));
    expect(found).toEqual([]);
  });

  it("the editors' tsconfig tries the default stack first", () => {
    const text = readFileSync(join(TEMPLATES, "tsconfig.json"), "utf8").replace(/^\/\/.*$/gm, "");
    const config = JSON.parse(text) as { files: string[]; references: { path: string }[] };
    expect(config.files).toEqual([]);
    expect(config.references[0]).toEqual({ path: `./tsconfig/${defaultCombination().id}.json` });
    expect(config.references).toHaveLength(combinations().length);
  });

  const cases: [string, string[]][] = combinations().map((c) => [c.id, c.layers]);
  it.each(cases)("%s maps its layers onto one tree in layer order, for relative and @/ imports", (_id, layers) => {
    const config = tsconfigFor(layers, join(TEMPLATES, "tsconfig", "x.json"));
    const options = config.compilerOptions as { rootDirs: string[]; paths: Record<string, string[]>; typeRoots: string[] };
    expect(options.rootDirs).toEqual(layers.map((layer) => `../${layer}`));
    expect(options.paths).toEqual({ "@/*": layers.map((layer) => `../${layer}/*`) });
    expect(options.typeRoots).toEqual(["../node_modules/@types"]);
    expect(config.include).toEqual(layers.flatMap((layer) => [`../${layer}/**/*.ts`, `../${layer}/**/*.tsx`]));
  });

  it("installs every dependency a layer declares, at the version a generated app gets", () => {
    const templates = copyOfTemplates();
    const base = JSON.parse(readFileSync(join(templates, "base/package.json"), "utf8"));
    expect(Object.keys(templatesPackageJson(templates).devDependencies as object)).toEqual(
      expect.arrayContaining(Object.keys(base.dependencies)),
    );
    base.devDependencies["left-pad"] = "catalog:";
    writeFileSync(join(templates, "base/package.json"), JSON.stringify(base));
    expect(() => templatesPackageJson(templates)).toThrow(/no pinned version for left-pad/);
  });
});
