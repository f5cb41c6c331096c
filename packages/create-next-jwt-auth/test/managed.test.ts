import { describe, expect, it } from "vitest";
import { createContext } from "../src/context.js";
import { layersFor, templatesRoot } from "../src/layers.js";
import { isManagedPath, MANAGED_DIR, MANAGED_MARKER } from "../src/managed.js";
import { allStacks, stackId, type Stack } from "../src/options.js";
import { renderLayers } from "../src/render.js";

function render(stack: Stack) {
  return renderLayers({
    templatesRoot: templatesRoot(),
    layers: layersFor(stack),
    context: createContext({ projectName: "my-app", stack, packageManager: "pnpm" }),
  });
}

const firstLine = (contents: Buffer) => contents.toString("utf8").split("\n", 1)[0];

describe("isManagedPath", () => {
  it.each([
    ["lib/next-jwt-auth/session/refresh.ts", true],
    ["lib/next-jwt-auth/store/sqlite-store.test.ts", true],
    ["lib/auth/backend/adapter.ts", false],
    ["app/lib/next-jwt-auth/x.ts", false],
    ["lib/next-jwt-auth-extra/x.ts", false],
  ])("says %s is managed: %s", (path, managed) => {
    expect(isManagedPath(path)).toBe(managed);
  });
});

describe.each(allStacks().map((stack) => [stackId(stack), stack] as const))("the %s app", (_id, stack) => {
  const tree = render(stack);

  it(`has files in ${MANAGED_DIR}`, () => {
    expect([...tree.keys()].filter(isManagedPath).length).toBeGreaterThan(20);
  });

  it("starts every managed file with the marker line", () => {
    const unmarked = [...tree].filter(([path, contents]) => isManagedPath(path) && firstLine(contents) !== MANAGED_MARKER);
    expect(unmarked.map(([path]) => path)).toEqual([]);
  });

  it("starts no file outside the managed folder with the marker line", () => {
    const marked = [...tree].filter(([path, contents]) => !isManagedPath(path) && firstLine(contents) === MANAGED_MARKER);
    expect(marked.map(([path]) => path)).toEqual([]);
  });
});
