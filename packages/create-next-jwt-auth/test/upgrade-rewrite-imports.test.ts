import { describe, expect, it } from "vitest";
import { similarity } from "../src/upgrade/follow-moves.js";
import { importRewrites, rewriteImports } from "../src/upgrade/rewrite-imports.js";

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
