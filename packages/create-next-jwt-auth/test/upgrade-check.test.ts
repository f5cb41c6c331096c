import { describe, expect, it } from "vitest";
import { MANAGED_DIR } from "../src/managed.js";
import { createManifest, type Manifest } from "../src/manifest.js";
import type { AppFile } from "../src/upgrade/app-files.js";
import { checkApp } from "../src/upgrade/check.js";
import { CLI_VERSION } from "../src/version.js";

const B = (text: string) => Buffer.from(text);
const GENERATED = new Map([
  [`${MANAGED_DIR}session.ts`, B("session\n")],
  [`${MANAGED_DIR}cookies.ts`, B("cookies\n")],
  ["app/page.tsx", B("page\n")],
]);
const OPTIONS = { name: "a", backend: "rest", session: "jwt", db: undefined, packageManager: "pnpm", packageManagerSpec: undefined } as const;
const manifest = (version = CLI_VERSION): Manifest => createManifest(GENERATED, OPTIONS, { name: "create-next-jwt-auth", version });

function disk(changes: Record<string, string | undefined>) {
  return (path: string): AppFile => {
    const text = path in changes ? changes[path] : GENERATED.get(path)?.toString();
    return text === undefined ? { kind: "absent" } : { kind: "file", bytes: B(text), mode: 0o644 };
  };
}

describe("checkApp", () => {
  const cases: [string, Manifest | undefined, Record<string, string | undefined>, string[]][] = [
    ["passes when this version generated the app and its managed files are as generated", manifest(), {}, []],
    ["ignores a change outside the managed folder", manifest(), { "app/page.tsx": "mine\n" }, []],
    ["fails on a changed managed file", manifest(), { [`${MANAGED_DIR}session.ts`]: "patched\n" }, ["changed"]],
    ["fails on a deleted managed file", manifest(), { [`${MANAGED_DIR}cookies.ts`]: undefined }, ["missing"]],
    ["fails when an older version generated the app", manifest("0.1.0"), {}, ["outdated"]],
    ["fails when a newer version generated the app", manifest("99.0.0"), {}, ["newer"]],
    ["fails without a manifest", undefined, {}, ["no-manifest"]],
    ["fails on a conflict marker left in any generated file", manifest(), { "app/page.tsx": "<<<<<<< yours\nmine\n=======\nours\n>>>>>>> x\n" }, ["conflict"]],
    ["fails on a .upgrade file left beside a generated file", manifest(), { "app/page.tsx.upgrade": "ours\n" }, ["leftover"]],
    ["does not take a marker-like line inside a line for a conflict", manifest(), { "app/page.tsx": "const s = '<<<<<<< yours';\n" }, []],
    ["lists every problem", manifest("0.1.0"), { [`${MANAGED_DIR}session.ts`]: "x", [`${MANAGED_DIR}cookies.ts`]: "y" }, ["outdated", "changed", "changed"]],
  ];
  it.each(cases)("%s", (_name, given, changes, kinds) => {
    expect(checkApp(given, disk(changes)).map((problem) => problem.kind)).toEqual(kinds);
  });

  it("names the file and the version in the message", () => {
    const [problem] = checkApp(manifest(), disk({ [`${MANAGED_DIR}session.ts`]: "patched\n" }));
    expect(problem!.message).toBe(`${MANAGED_DIR}session.ts differs from what create-next-jwt-auth ${CLI_VERSION} generated`);
  });
});
