import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { layersFor, templatesRoot } from "../src/layers.js";
import { allStacks, stackId } from "../src/options.js";
import { tempDir } from "./helpers.js";
import {
  layerContracts,
  layerKind,
  localImports,
  localSpecifiers,
  provenance,
  testsAwayFromTheirCode,
  unresolvedImports,
} from "./layer-imports.js";

const ROOT = templatesRoot();
const STACKS = allStacks();
const CONTRACTS = layerContracts(ROOT);

/** A copy of the template layers to break on purpose. */
function copyOfLayers(): string {
  const dir = tempDir();
  for (const layer of new Set(STACKS.flatMap(layersFor))) cpSync(join(ROOT, layer), join(dir, layer), { recursive: true });
  return dir;
}

describe("every import between template layers resolves", () => {
  it.each(STACKS.map((s) => [stackId(s), s] as const))("every relative and @/ import of %s resolves to a file one of its layers provides", (_id, stack) => {
    expect(localImports(ROOT, stack).length).toBeGreaterThan(100);
    expect(unresolvedImports(ROOT, stack)).toEqual([]);
  });

  it("base imports files that only backend and session layers provide (what makes this a contract)", () => {
    const kinds = new Set(CONTRACTS.filter((c) => c.importer === "base").flatMap((c) => c.providers.map(layerKind)));
    expect([...kinds]).toEqual(expect.arrayContaining(["backend", "session"]));
  });

  const rows = CONTRACTS.map((c) => {
    const later = c.deferring.length > 0 ? ` (${c.deferring.join(", ")}: through a layer after it)` : "";
    return [c.path, c.importer, [...c.providers, ...c.missing].sort().join(", ") + later, c] as const;
  });
  it.each(rows)("%s, which %s imports, is provided by each of %s", (_path, _importer, _who, contract) => {
    expect(contract.missing).toEqual([]);
  });
});

describe("a layer that drops a file the others import", () => {
  // The first file base imports that several layers of one kind provide (today: the backend adapter).
  const contract = CONTRACTS.find((c) => c.importer === "base" && c.providers.length > 1 && new Set(c.providers.map(layerKind)).size === 1)!;
  const victim = contract.providers[contract.providers.length - 1]!;

  it("is named by the contract check and by every stack it is in", () => {
    const fixture = copyOfLayers();
    const source = [...provenance(fixture, ["base", victim])].find(([path, layer]) => path === contract.path && layer === victim);
    expect(source, `${victim} provides ${contract.path}`).toBeDefined();
    rmSync(join(fixture, victim, contract.path));

    const broken = layerContracts(fixture).find((c) => c.importer === "base" && c.path === contract.path);
    // The layers that left the file to the victim in every stack they are in (backend-rest and
    // backend-nestjs to backend-http, the layer they share) lose it with it.
    const leftToVictim = contract.deferring.filter((layer) => STACKS.filter((s) => layersFor(s).includes(layer)).every((s) => layersFor(s).includes(victim)));
    expect(broken?.missing).toEqual([victim, ...leftToVictim].sort());
    const stacksWithVictim = STACKS.filter((s) => layersFor(s).includes(victim));
    for (const stack of STACKS) {
      const unresolved = unresolvedImports(fixture, stack);
      if (stacksWithVictim.includes(stack)) expect(unresolved.join("\n")).toContain(`which no layer of ${layersFor(stack).join(" + ")} provides`);
      else expect(unresolved).toEqual([]);
    }
  });
});

describe("tests next to their code", () => {
  it.each(STACKS.map((s) => [stackId(s), s] as const))("in %s, every x.test.ts comes from the layer that gives x.ts", (_id, stack) => {
    expect(testsAwayFromTheirCode(ROOT, stack)).toEqual([]);
  });

  it("names a test a layer gives for another layer's code", () => {
    const fixture = copyOfLayers();
    const stack = STACKS.find((s) => layersFor(s).includes("session-jwt"))!;
    const code = [...provenance(fixture, ["base"])].map(([path]) => path).find((p) => /^lib\/.*[^t]\.ts$/.test(p) && !p.endsWith(".test.ts"))!;
    const test = code.replace(/\.ts$/, ".test.ts");
    rmSync(join(fixture, "base", test), { force: true });
    mkdirSync(dirname(join(fixture, "session-jwt", test)), { recursive: true });
    writeFileSync(join(fixture, "session-jwt", test), "export {};\n");
    expect(testsAwayFromTheirCode(fixture, stack)).toEqual([`session-jwt/${test} tests base/${code}`]);
  });
});

describe("localSpecifiers", () => {
  const cases: [string, string, string[]][] = [
    ["finds static imports, type imports and re-exports", 'import { a } from "./a";\nimport type { B } from "@/lib/b";\nexport { c } from "../c";', ["./a", "@/lib/b", "../c"]],
    ["finds a multi-line import", 'import {\n  a,\n  b,\n} from "./ab";', ["./ab"]],
    ["finds side-effect, dynamic and mocked imports", 'import "./globals.css";\nconst m = await import("@/proxy");\nvi.mock("@/lib/auth/adapter", () => ({}));', ["./globals.css", "@/proxy", "@/lib/auth/adapter"]],
    ["leaves out packages and node built-ins", 'import { z } from "zod";\nimport { join } from "node:path";\nimport "server-only";', []],
    ["leaves out an import in a comment", '// import { a } from "./gone";\n * see import("./also-gone")\nimport { b } from "./b";', ["./b"]],
  ];
  it.each(cases)("%s", (_name, source, expected) => {
    expect(localSpecifiers(source)).toEqual(expected);
  });
});
