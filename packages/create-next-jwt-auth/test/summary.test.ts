import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/args.js";
import { resolveChoices } from "../src/choices.js";
import { allStacks, stackId } from "../src/options.js";
import { projectTarget } from "../src/project-target.js";
import { formatDuration, reproduceCommand, shellQuote, summaryText } from "../src/summary.js";
import { noPrompts } from "./helpers.js";

/** Split a command line the way a POSIX shell would for the quoting shellQuote produces. */
function shellSplit(line: string): string[] {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!));
}

describe("reproduceCommand", () => {
  const cwd = "/work/here";
  it.each(allStacks().map((stack) => [stackId(stack), stack] as const))(
    "reproduces %s with the same choices and no prompts",
    async (_id, stack) => {
      const target = projectTarget("my apps/@acme/portal", cwd);
      const command = reproduceCommand({ target, stack, packageManager: "pnpm", install: false, git: true });
      const argv = shellSplit(command).slice(2);
      const args = parseCliArgs(argv);
      expect(args).toMatchObject({ yes: true, install: false, git: undefined, packageManager: "pnpm" });
      const again = await resolveChoices(args, { cwd, interactive: true, prompter: noPrompts });
      expect(again.stack).toEqual(stack);
      expect(again.target).toEqual(target);
    },
  );
});

describe("shellQuote", () => {
  const cases: [string, string][] = [
    ["my-app", "my-app"],
    ["apps/@acme/portal", "apps/@acme/portal"],
    ["my app", "'my app'"],
    ["it's", "'it'\\''s'"],
  ];
  it.each(cases)("quotes %j as %s", (word, expected) => {
    expect(shellQuote(word)).toBe(expected);
    expect(shellSplit(shellQuote(word))).toEqual([word]);
  });
});

describe("formatDuration", () => {
  const cases: [number, string][] = [
    [0.0421, "42 ms"],
    [0.9994, "999 ms"],
    [1, "1.0 s"],
    [12.345, "12.3 s"],
  ];
  it.each(cases)("shows %s seconds as %s", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe("summaryText next steps", () => {
  const plain = { bold: String, dim: String, green: String, red: String, yellow: String, cyan: String };
  it.each(allStacks().filter((stack) => stack.session === "db"))(
    "$backend $session $db: no db:migrate step, the app creates its tables on first use as its README says",
    (stack) => {
      const text = summaryText(
        {
          target: { dir: "/tmp/my-app", name: "my-app", display: "my-app" },
          stack,
          packageManager: "npm",
          packageManagerSpec: undefined,
          fileCount: 100,
          seconds: 1,
          install: undefined,
          git: undefined,
          scripts: new Set(["dev", "test", "test:e2e", "db:migrate"]),
          envVariables: new Set(["DATABASE_URL"]),
          installCommand: "npm install",
          reproduce: "npx create-next-jwt-auth my-app",
        },
        plain,
      );
      expect(text).not.toContain("db:migrate");
      expect(text).toContain("npm run dev");
    },
  );
});
