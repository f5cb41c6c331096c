import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergePackageJson } from "../src/upgrade/merge-package-json.js";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const BASE = {
  name: "my-app",
  version: "0.1.0",
  private: true,
  scripts: { dev: "next dev", test: "vitest run" },
  dependencies: { next: "16.0.0", "next-auth": "4.24.0", zod: "4.0.0" },
  devDependencies: { vitest: "4.0.0" },
  engines: { node: ">=22.12" },
};

function merge(user: object, target: object) {
  const merged = mergePackageJson(json(user), json(BASE), json(target));
  if (!merged) throw new Error("not merged");
  return { value: JSON.parse(merged.text) as Record<string, any>, overridden: merged.overridden, text: merged.text };
}

describe("mergePackageJson", () => {
  const cases: [string, object, object, object][] = [
    [
      "moves our dependency versions and keeps a dependency the user added",
      { ...BASE, dependencies: { ...BASE.dependencies, "left-pad": "1.3.0" } },
      { ...BASE, dependencies: { ...BASE.dependencies, next: "16.1.0" } },
      { ...BASE, dependencies: { "left-pad": "1.3.0", next: "16.1.0", "next-auth": "4.24.0", zod: "4.0.0" } },
    ],
    [
      "adds our new dependencies and scripts and drops the ones we dropped",
      BASE,
      { ...BASE, scripts: { dev: "next dev", test: "vitest run", "db:migrate": "tsx m.ts" }, dependencies: { next: "16.0.0", "next-auth": "4.24.0", pg: "8.0.0" } },
      { ...BASE, scripts: { dev: "next dev", test: "vitest run", "db:migrate": "tsx m.ts" }, dependencies: { next: "16.0.0", "next-auth": "4.24.0", pg: "8.0.0" } },
    ],
    [
      "keeps the user's changed script when we did not change it",
      { ...BASE, scripts: { ...BASE.scripts, test: "vitest run --coverage" } },
      { ...BASE, engines: { node: ">=22.14" } },
      { ...BASE, scripts: { ...BASE.scripts, test: "vitest run --coverage" }, engines: { node: ">=22.14" } },
    ],
    [
      "keeps the user's own top-level keys and their version",
      { ...BASE, version: "1.4.0", browserslist: ["defaults"] },
      { ...BASE, devDependencies: { vitest: "4.1.0" } },
      { ...BASE, version: "1.4.0", devDependencies: { vitest: "4.1.0" }, browserslist: ["defaults"] },
    ],
    [
      "keeps a dependency the user removed removed when we did not change it",
      { ...BASE, dependencies: { next: "16.0.0", "next-auth": "4.24.0" } },
      { ...BASE, dependencies: { ...BASE.dependencies, next: "16.1.0" } },
      { ...BASE, dependencies: { next: "16.1.0", "next-auth": "4.24.0" } },
    ],
  ];
  it.each(cases)("%s", (_name, user, target, expected) => {
    const merged = merge(user, target);
    expect(merged.value).toEqual(expected);
    expect(merged.overridden).toEqual([]);
  });

  it("takes our value for a key both sides changed, and lists it", () => {
    const merged = merge(
      { ...BASE, dependencies: { ...BASE.dependencies, next: "16.0.5" } },
      { ...BASE, dependencies: { ...BASE.dependencies, next: "16.1.0" } },
    );
    expect(merged.value.dependencies.next).toBe("16.1.0");
    expect(merged.overridden).toEqual(['dependencies.next: yours "16.0.5", now "16.1.0"']);
  });

  it("keeps dependencies sorted when the user's are, and the user's key order elsewhere", () => {
    const merged = merge(
      { ...BASE, dependencies: { aaa: "1.0.0", ...BASE.dependencies } },
      { ...BASE, dependencies: { ...BASE.dependencies, bowser: "2.0.0" } },
    );
    expect(Object.keys(merged.value.dependencies)).toEqual(["aaa", "bowser", "next", "next-auth", "zod"]);
    expect(Object.keys(merged.value).slice(0, 3)).toEqual(["name", "version", "private"]);
  });

  it("keeps a key named __proto__ an ordinary key", () => {
    const user = `{"name":"my-app","dependencies":{"__proto__":"1.0.0","next":"16.0.0"}}`;
    const base = `{"name":"my-app","dependencies":{"next":"16.0.0"}}`;
    const target = `{"name":"my-app","dependencies":{"next":"16.1.0"}}`;
    const merged = JSON.parse(mergePackageJson(user, base, target)!.text);
    expect(Object.keys(merged.dependencies)).toEqual(["__proto__", "next"]);
    expect(Object.getPrototypeOf(merged.dependencies)).toBe(Object.prototype);
  });

  it("keeps the user's indentation and final newline", () => {
    const user = JSON.stringify({ ...BASE, version: "2.0.0" }, null, 4);
    const merged = mergePackageJson(user, json(BASE), json({ ...BASE, engines: { node: ">=24" } }))!;
    expect(merged.text).toBe(JSON.stringify({ ...BASE, version: "2.0.0", engines: { node: ">=24" } }, null, 4));
  });

  it("gives up (undefined) when a side is not a JSON object", () => {
    expect(mergePackageJson("{ broken", json(BASE), json(BASE))).toBeUndefined();
    expect(mergePackageJson("[]", json(BASE), json(BASE))).toBeUndefined();
  });

  const versions = fc.constantFrom("1.0.0", "2.0.0", "3.0.0");
  const deps = fc.dictionary(fc.constantFrom("a", "b", "c", "next", "zod"), versions);
  const pkg = fc.record({
    name: fc.constant("my-app"),
    scripts: fc.dictionary(fc.constantFrom("dev", "test", "lint"), fc.constantFrom("x", "y")),
    dependencies: deps,
    devDependencies: deps,
  });

  it("gives the new version's data when the user changed nothing (property)", () => {
    fc.assert(
      fc.property(pkg, pkg, (base, target) => {
        const merged = mergePackageJson(json(base), json(base), json(target))!;
        expect(JSON.parse(merged.text)).toEqual(target);
        expect(merged.overridden).toEqual([]);
      }),
    );
  });

  it("gives the user's data when we changed nothing, and lists nothing (property)", () => {
    fc.assert(
      fc.property(pkg, pkg, (base, user) => {
        const merged = mergePackageJson(json(user), json(base), json(base))!;
        expect(JSON.parse(merged.text)).toEqual(user);
        expect(merged.overridden).toEqual([]);
      }),
    );
  });

  it("keeps every dependency only the user added, and every value of ours the user did not touch (property)", () => {
    fc.assert(
      fc.property(pkg, deps, pkg, (base, added, target) => {
        const own = Object.fromEntries(Object.entries(added).map(([name, version]) => [`user-${name}`, version]));
        const user = { ...base, dependencies: { ...base.dependencies, ...own } };
        const merged = JSON.parse(mergePackageJson(json(user), json(base), json(target))!.text);
        expect(merged.dependencies).toEqual({ ...target.dependencies, ...own });
      }),
    );
  });
});
