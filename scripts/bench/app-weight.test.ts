import { describe, expect, it } from "vitest";
import { extraPackages, storeEntryName } from "./app-weight.js";

describe("storeEntryName", () => {
  it.each([
    ["next@16.4.6_@babel+core@7.29.13_react@19.3.1", "next"],
    ["@next+env@16.4.6", "@next/env"],
    ["@next+swc-linux-x64-gnu@16.4.6", "@next/swc-linux-x64-gnu"],
    ["zod@4.6.7", "zod"],
  ])("reads %s as %s", (entry, name) => {
    expect(storeEntryName(entry)).toBe(name);
  });
});

describe("extraPackages", () => {
  it("lists what only ours has, heaviest first, whatever the versions", () => {
    const weight = (byName: Record<string, number>) => ({ packages: 0, bytes: 0, byName });
    expect(extraPackages(weight({ next: 5, zod: 2, jose: 3 }), weight({ next: 4 }))).toEqual([
      ["jose", 3],
      ["zod", 2],
    ]);
  });
});
