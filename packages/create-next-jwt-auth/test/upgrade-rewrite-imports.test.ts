import { describe, expect, it } from "vitest";
import { similarity } from "../src/upgrade/follow-moves.js";
import type { AppFile } from "../src/upgrade/app-files.js";
import { importRewrites, planImportRewrites, rewriteImports } from "../src/upgrade/rewrite-imports.js";

const REWRITES = importRewrites([
  { from: "lib/auth/session.ts", to: "lib/next-jwt-auth/session/server-session.ts" },
  { from: "lib/auth/cookies.ts", to: "lib/next-jwt-auth/session/cookies.ts" },
  { from: "docs/a.md", to: "docs/b.md" },
]);

describe("rewriteImports", () => {
  const cases: [string, string, string, number][] = [
    ["rewrites a static import", `import { requireSession } from "@/lib/auth/session";`, `import { requireSession } from "@/lib/next-jwt-auth/session/server-session";`, 1],
    ["rewrites single quotes, dynamic imports and mocks", `await import('@/lib/auth/cookies');\nvi.mock("@/lib/auth/session");`, `await import('@/lib/next-jwt-auth/session/cookies');\nvi.mock("@/lib/next-jwt-auth/session/server-session");`, 2],
    ["leaves a longer specifier that only starts the same alone", `import x from "@/lib/auth/session-cookie";`, `import x from "@/lib/auth/session-cookie";`, 0],
    ["leaves text in comments and other strings alone", `// see @/lib/auth/session\nconst s = "lib/auth/session";`, `// see @/lib/auth/session\nconst s = "lib/auth/session";`, 0],
  ];
  it.each(cases)("%s", (_name, input, output, count) => {
    expect(rewriteImports(input, REWRITES)).toEqual({ text: output, count });
  });

  it("maps only source files", () => {
    expect([...REWRITES.keys()]).toEqual(["@/lib/auth/session", "@/lib/auth/cookies"]);
  });
});

describe("similarity", () => {
  const lines = (...text: string[]) => Buffer.from(text.join("\n"));
  it.each([
    ["is 1 for the same file", lines("import a from 'a';", "export const b = 1;"), lines("import a from 'a';", "export const b = 1;"), 1],
    ["is the share of the old file's lines the new one keeps", lines("line one", "line two", "line three", "line four"), lines("// marker line", "line one", "line two", "line 3!", "line 4!"), 0.5],
    ["ignores blank and very short lines", lines("}", "", "line one"), lines("line one"), 1],
    ["is 0 for an empty file", lines(""), lines("line one"), 0],
  ] as const)("%s", (_name, from, to, expected) => {
    expect(similarity(from, to)).toBe(expected);
  });
});

describe("planImportRewrites", () => {
  const B = (text: string) => Buffer.from(text);
  const files: Record<string, string> = {
    "app/reports/page.tsx": `import { requireSession } from "@/lib/auth/session";\n`,
    "app/untouched.tsx": `import x from "@/lib/other";\n`,
    "lib/auth/kept.ts": `import { a } from "@/lib/auth/cookies";\n`,
    "README.md": `"@/lib/auth/session"\n`,
  };
  const readUser = (path: string): AppFile => (path in files ? { kind: "file", bytes: B(files[path]!), mode: 0o644 } : { kind: "absent" });
  const moves = [{ from: "lib/auth/session.ts", to: "lib/next-jwt-auth/session/server-session.ts" }, { from: "lib/auth/cookies.ts", to: "lib/next-jwt-auth/session/cookies.ts" }];

  it("rewrites the user's own source files and kept files, and nothing else", () => {
    const plan = planImportRewrites(
      [{ path: "lib/auth/kept.ts", action: "orphan", notes: ["no longer generated; kept with your changes"] }],
      moves,
      Object.keys(files),
      readUser,
    );
    expect(plan.map((file) => [file.path, file.action, file.contents?.toString()])).toEqual([
      ["app/reports/page.tsx", "imports", `import { requireSession } from "@/lib/next-jwt-auth/session/server-session";\n`],
      ["lib/auth/kept.ts", "orphan", `import { a } from "@/lib/next-jwt-auth/session/cookies";\n`],
    ]);
  });

  it("changes nothing without moves", () => {
    const plan = [{ path: "a.ts", action: "keep" as const, notes: [] }];
    expect(planImportRewrites(plan, [], Object.keys(files), readUser)).toEqual(plan);
  });
});
