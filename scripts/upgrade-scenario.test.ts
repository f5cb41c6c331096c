import { describe, expect, it } from "vitest";
import {
  DASHBOARD_LINK,
  MANAGED_PATCH,
  USER_EDITS,
  USER_PAGE,
  USER_SPEC,
  addDependency,
  commitBeforeFileAdded,
  conflictsListed,
  differencesFromFresh,
  hasConflictMarkers,
  insertAfter,
  missingUserEdits,
  replaceOnce,
  resolveConflicts,
} from "./upgrade-scenario.js";

describe("resolveConflicts", () => {
  const twoWay = "a\n<<<<<<< yours\nmine\n=======\nnew\n>>>>>>> create-next-jwt-auth 0.2.0\nz\n";
  const diff3 = "a\n<<<<<<< yours\nmine\n||||||| base\nold\n=======\nnew\n>>>>>>> target\nz\n";
  const cases: [string, string, "ours" | "theirs", string][] = [
    ["keeping ours takes the part before =======", twoWay, "ours", "a\nmine\nz\n"],
    ["keeping theirs takes the part after =======", twoWay, "theirs", "a\nnew\nz\n"],
    ["the base part of a diff3 conflict is dropped when keeping ours", diff3, "ours", "a\nmine\nz\n"],
    ["the base part of a diff3 conflict is dropped when keeping theirs", diff3, "theirs", "a\nnew\nz\n"],
    ["text without conflicts comes back unchanged", "a\n=======\nb\n", "ours", "a\n=======\nb\n"],
    ["bare markers without labels count too", "<<<<<<<\nx\n=======\ny\n>>>>>>>\n", "theirs", "y\n"],
  ];
  it.each(cases)("%s", (_name, text, side, expected) => {
    expect(resolveConflicts(text, side)).toBe(expected);
  });

  const broken: [string, string][] = [
    ["an unclosed conflict is refused", "<<<<<<< yours\nx\n=======\ny\n"],
    ["an end without a middle is refused", "<<<<<<< yours\nx\n>>>>>>> target\n"],
    ["a conflict inside another is refused", "<<<<<<< a\n<<<<<<< b\n"],
  ];
  it.each(broken)("%s", (_name, text) => {
    expect(() => resolveConflicts(text, "ours")).toThrow();
  });
});

describe("hasConflictMarkers", () => {
  const cases: [string, string, boolean][] = [
    ["a conflict start line is a marker", "x\n<<<<<<< yours\n", true],
    ["a setext heading underline is not", "Title\n=======\n", false],
    ["seven < inside a line is not", "a <<<<<<< b\n", false],
    ["eight < are not a marker", "<<<<<<<<\n", false],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    expect(hasConflictMarkers(text)).toBe(expected);
  });
});

describe("editing helpers", () => {
  it("insertAfter puts the text right after the anchor", () => {
    expect(insertAfter("a\nb\n", "a\n", "x\n", "f")).toBe("a\nx\nb\n");
  });
  it.each([
    ["a missing anchor throws naming the file", "b\n"],
    ["an anchor found twice throws", "a\na\n"],
  ])("%s", (_name, text) => {
    expect(() => insertAfter(text, "a\n", "x\n", "some/file.ts")).toThrow(/some\/file\.ts/);
  });
  it("replaceOnce refuses text that is not there exactly once", () => {
    expect(() => replaceOnce("a a", "a", "b", "f")).toThrow(/exactly one/);
    expect(replaceOnce("a b", "b", "c", "f")).toBe("a c");
  });
  it("addDependency adds the dependency in sorted order and keeps the rest", () => {
    const pkg = `{\n  "name": "app",\n  "dependencies": {\n    "zod": "4.0.0",\n    "next": "16.0.0"\n  }\n}\n`;
    const out = addDependency(pkg, "clsx", "2.1.1");
    expect(Object.keys(JSON.parse(out).dependencies)).toEqual(["clsx", "next", "zod"]);
    expect(JSON.parse(out).name).toBe("app");
    expect(out.endsWith("}\n")).toBe(true);
  });
});

describe("commitBeforeFileAdded", () => {
  it("names the parent of the oldest commit that added the file", () => {
    expect(commitBeforeFileAdded("bbb\naaa\n", "m.ts")).toBe("aaa^");
  });
  it("says the history is missing when no commit added it", () => {
    expect(() => commitBeforeFileAdded("\n", "m.ts")).toThrow(/shallow/);
  });
});

describe("the user's edits", () => {
  /** A tiny app with every anchor the edits need, edited in memory. */
  function editedApp(): Map<string, string> {
    const files = new Map<string, string>([
      ["package.json", `{\n  "dependencies": { "next": "16.0.0" }\n}\n`],
      [
        "app/dashboard/page.tsx",
        `<p>\n            <strong data-testid="user-name">{data.ok ? data.user.name : session.user.name}</strong>\n          </p>\n`,
      ],
      [MANAGED_PATCH.file, `[\n  "www-authenticate",\n]\n`],
      ["README.md", "- x\n  server, plus a client component calling the backend through the proxy.\n"],
    ]);
    for (const edit of USER_EDITS) {
      for (const [path, change] of Object.entries(edit.files)) {
        files.set(path, typeof change === "string" ? change : change(files.get(path)));
      }
    }
    return files;
  }

  it("leave nothing missing when applied", () => {
    const files = editedApp();
    expect(missingUserEdits((p) => files.get(p), [MANAGED_PATCH.file])).toEqual([]);
  });

  it("count the user's page as kept when the upgrade rewrote its import of a moved module", () => {
    const files = editedApp();
    files.set(USER_PAGE, files.get(USER_PAGE)!.replace('"@/lib/auth/session"', '"@/lib/next-jwt-auth/session/server-session"'));
    expect(files.get(USER_PAGE)).toContain("next-jwt-auth");
    expect(missingUserEdits((p) => files.get(p), [MANAGED_PATCH.file])).toEqual([]);
  });

  it("count the user's page as changed when more than an import path differs", () => {
    const files = editedApp();
    files.set(USER_PAGE, files.get(USER_PAGE)!.replace("No invoices yet", "Nothing yet"));
    expect(missingUserEdits((p) => files.get(p), [MANAGED_PATCH.file])).toEqual([`${USER_PAGE} (the user's page) changed or missing`]);
  });

  it("find the managed patch in a file that moved", () => {
    const files = editedApp();
    files.set("lib/next-jwt-auth/proxy/headers.ts", files.get(MANAGED_PATCH.file)!);
    files.delete(MANAGED_PATCH.file);
    expect(missingUserEdits((p) => files.get(p), [MANAGED_PATCH.file, "lib/next-jwt-auth/proxy/headers.ts"])).toEqual([]);
  });

  const losses: [string, (files: Map<string, string>) => void, RegExp][] = [
    ["a lost page is reported", (f) => f.delete(USER_PAGE), /invoices\/page\.tsx/],
    ["a lost spec is reported", (f) => f.delete(USER_SPEC), /invoices\.spec\.ts/],
    ["a lost dependency is reported", (f) => f.set("package.json", `{"dependencies":{}}`), /clsx/],
    ["a lost dashboard link is reported", (f) => f.set("app/dashboard/page.tsx", "x"), /dashboard/],
    ["a lost managed patch is reported", (f) => f.set(MANAGED_PATCH.file, "x"), /x-request-id/],
  ];
  it.each(losses)("%s", (_name, lose, message) => {
    const files = editedApp();
    lose(files);
    const problems = missingUserEdits((p) => files.get(p), [MANAGED_PATCH.file]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("edit the dashboard by adding the link", () => {
    expect(editedApp().get("app/dashboard/page.tsx")).toContain(DASHBOARD_LINK);
  });
});

describe("conflictsListed", () => {
  const cases: [string, string, string[]][] = [
    ["reads the files of the conflicts line", "wrote 3 files\nConflicts to resolve (2): README.md, app/page.tsx\nNext: pnpm install\n", ["README.md", "app/page.tsx"]],
    ["finds none when the upgrade says so", "No conflicts.\n", []],
    ["finds none when there is no such line", "upgraded\n", []],
    ["ignores colours around the line", "\u001b[33mConflicts to resolve (1): README.md\u001b[39m\n", ["README.md"]],
  ];
  it.each(cases)("%s", (_name, output, files) => {
    expect(conflictsListed(output)).toEqual(files);
  });
});

describe("differencesFromFresh", () => {
  const fresh = new Map([
    ["package.json", `{"name":"a","dependencies":{"next":"16"},"engines":{"node":">=22"}}`],
    ["lib/proxy/headers.ts", `[\n  "www-authenticate",\n]\n`],
    ["lib/env.ts", "env"],
    ["README.md", "readme"],
    ["create-next-jwt-auth.json", "{}"],
  ]);
  const upgraded = () =>
    new Map([
      ["package.json", `{"name":"a","engines":{"node":">=22"},"packageManager":"pnpm@10","dependencies":{"clsx":"2.1.1","next":"16"}}`],
      ["lib/next-jwt-auth/headers.ts", `[\n  "www-authenticate",\n${MANAGED_PATCH.line}]\n`],
      ["lib/proxy/headers.ts", `[\n  "www-authenticate",\n${MANAGED_PATCH.line}]\n`],
      ["lib/env.ts", "env"],
      ["README.md", "readme with the user's line"],
      ["create-next-jwt-auth.json", `{"files":{}}`],
      ["pnpm-lock.yaml", "lock"],
      [USER_PAGE, "page"],
      [USER_SPEC, "spec"],
    ]);

  it("finds nothing when only the user's edits, their files, the lockfile and key order differ", () => {
    const app = upgraded();
    app.delete("lib/next-jwt-auth/headers.ts");
    expect(differencesFromFresh(fresh, app)).toEqual([]);
  });

  const cases: [string, (app: Map<string, string>) => void, RegExp][] = [
    ["a generated file that is missing is reported", (app) => app.delete("lib/env.ts"), /lib\/env\.ts: generated now, missing/],
    ["a generated file that differs is reported", (app) => app.set("lib/env.ts", "old env"), /lib\/env\.ts: differs/],
    ["a file an older version left behind is reported", (app) => app.set("lib/auth/old.ts", "x"), /lib\/auth\/old\.ts: not generated/],
    ["one of our dependencies left at another version is reported", (app) => app.set("package.json", `{"name":"a","dependencies":{"next":"15"},"engines":{"node":">=22"}}`), /package\.json: differs/],
  ];
  it.each(cases)("%s", (_name, change, message) => {
    const app = upgraded();
    app.delete("lib/next-jwt-auth/headers.ts");
    change(app);
    const problems = differencesFromFresh(fresh, app);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
