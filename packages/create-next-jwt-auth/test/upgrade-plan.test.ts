import { describe, expect, it } from "vitest";
import type { AppFile } from "../src/upgrade/app-files.js";
import { leftoverSidecars, planUpgrade, type Action } from "../src/upgrade/plan.js";
import type { Base } from "../src/upgrade/resolve-base.js";

const THEIRS = "create-next-jwt-auth 0.2.0";
const B = (text: string) => Buffer.from(text);

/** One path's three sides: undefined is "absent"; base `unknown` is a generated path whose contents are not known. */
interface Sides {
  base?: string | "unknown";
  user?: string | AppFile;
  target?: string;
}

function planOne(path: string, sides: Sides) {
  const base: Base = {
    paths: sides.base === undefined ? new Set() : new Set([path]),
    contents: new Map(sides.base === undefined || sides.base === "unknown" ? [] : [[path, B(sides.base)]]),
    sources: {},
    notes: [],
  };
  const readUser = (p: string): AppFile => {
    if (p !== path || sides.user === undefined) return { kind: "absent" };
    return typeof sides.user === "string" ? { kind: "file", bytes: B(sides.user), mode: 0o644 } : sides.user;
  };
  const target = new Map(sides.target === undefined ? [] : [[path, B(sides.target)]]);
  const [file] = planUpgrade({ base, target, readUser, theirsLabel: THEIRS });
  return file!;
}

describe("planUpgrade classifies each file", () => {
  const cases: [string, string, Sides, Action, string | undefined][] = [
    ["a file the user never changed is replaced by the new version", "a.ts", { base: "1\n", user: "1\n", target: "2\n" }, "update", "2\n"],
    ["a file already like the new version is left alone", "a.ts", { base: "1\n", user: "2\n", target: "2\n" }, "unchanged", undefined],
    ["a file only the user changed is kept", "a.ts", { base: "1\n", user: "mine\n", target: "1\n" }, "keep", undefined],
    ["a file both changed on different lines is merged", "a.ts", { base: "a\nb\nc\n", user: "A\nb\nc\n", target: "a\nb\nC\n" }, "merge", "A\nb\nC\n"],
    ["a file both changed on the same line gets conflict markers", "a.ts", { base: "a\n", user: "mine\n", target: "ours\n" }, "conflict", `<<<<<<< yours\nmine\n=======\nours\n>>>>>>> ${THEIRS}\n`],
    ["a file new in the new version is added", "new.ts", { target: "new\n" }, "add", "new\n"],
    ["a file dropped by the new version and never changed is deleted", "old.ts", { base: "1\n", user: "1\n" }, "delete", undefined],
    ["a file dropped by the new version but changed by the user is kept", "old.ts", { base: "1\n", user: "mine\n" }, "orphan", undefined],
    ["a dropped file the user already deleted needs nothing", "old.ts", { base: "1\n" }, "unchanged", undefined],
    ["a generated file the user deleted is not brought back", "a.ts", { base: "1\n", target: "2\n" }, "skip", undefined],
    ["a file of the user's where a new one goes is never overwritten", "new.ts", { user: "mine\n", target: "new\n" }, "side-by-side", undefined],
    ["a changed file whose generated version is unknown is never overwritten", "a.ts", { base: "unknown", user: "mine\n", target: "new\n" }, "side-by-side", undefined],
    ["a changed binary file is not merged", "icon.png", { base: "\0one\n", user: "\0mine\n", target: "\0ours\n" }, "side-by-side", undefined],
    ["a symbolic link is not touched", "a.ts", { base: "1\n", user: { kind: "other", what: "a.ts is a symbolic link" }, target: "2\n" }, "blocked", undefined],
  ];
  it.each(cases)("%s", (_name, path, sides, action, contents) => {
    const file = planOne(path, sides);
    expect(file.action).toBe(action);
    expect(file.contents?.toString()).toBe(contents);
  });

  it("writes the new version beside the user's file in the two-way cases", () => {
    expect(planOne("new.ts", { user: "mine\n", target: "new\n" }).sidecar?.toString()).toBe("new\n");
    expect(planOne("a.ts", { base: "unknown", user: "mine\n", target: "new\n" }).sidecar?.toString()).toBe("new\n");
  });

  it("merges package.json as data and lists a value both sides changed", () => {
    const base = '{\n  "name": "a",\n  "dependencies": {\n    "next": "1.0.0"\n  }\n}\n';
    const user = '{\n  "name": "a",\n  "dependencies": {\n    "left-pad": "1.0.0",\n    "next": "1.0.1"\n  }\n}\n';
    const target = '{\n  "name": "a",\n  "dependencies": {\n    "next": "2.0.0"\n  }\n}\n';
    const file = planOne("package.json", { base, user, target });
    expect(file.action).toBe("merge");
    expect(JSON.parse(file.contents!.toString())).toEqual({ name: "a", dependencies: { "left-pad": "1.0.0", next: "2.0.0" } });
    expect(file.notes.join("\n")).toMatch(/dependencies\.next: yours "1\.0\.1", now "2\.0\.0"/);
  });

  it("lists paths sorted, from the base and the target together", () => {
    const base: Base = { paths: new Set(["b.ts", "a.ts"]), contents: new Map([["b.ts", B("1")], ["a.ts", B("1")]]), sources: {}, notes: [] };
    const plan = planUpgrade({
      base,
      target: new Map([["c.ts", B("c")], ["a.ts", B("2")]]),
      readUser: (path) => (path === "c.ts" ? { kind: "absent" } : { kind: "file", bytes: B("1"), mode: 0o644 }),
      theirsLabel: THEIRS,
    });
    expect(plan.map((file) => `${file.action} ${file.path}`)).toEqual(["update a.ts", "delete b.ts", "add c.ts"]);
  });

  it("finds .upgrade files an earlier run left where this one would write", () => {
    const plan = [planOne("new.ts", { user: "mine\n", target: "new\n" })];
    const exists = (path: string): AppFile => (path === "new.ts.upgrade" ? { kind: "file", bytes: B("old"), mode: 0o644 } : { kind: "absent" });
    expect(leftoverSidecars(plan, exists)).toEqual(["new.ts.upgrade"]);
    expect(leftoverSidecars(plan, () => ({ kind: "absent" }))).toEqual([]);
  });
});
