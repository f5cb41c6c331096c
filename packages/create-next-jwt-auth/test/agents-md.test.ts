import { describe, expect, it } from "vitest";
import { templatesRoot } from "../src/layers.js";
import { allStacks, PACKAGE_MANAGERS, stackId } from "../src/options.js";
import { projectFiles, scriptNames } from "../src/project-files.js";

// AGENTS.md tells agents which files to edit and which names to use. A path or a
// name that a stack does not have sends them astray, and templates move: so every
// path, identifier and script it names is checked against each rendered stack.

/** Paths AGENTS.md tells the reader to create, so they are not in the tree. */
const EXAMPLE_PATHS = new Set(["app/reports/page.tsx"]);

const IDENTIFIER_CHAIN = /^[A-Za-z_$][\w$]*(\([^)]*\))?(\.[A-Za-z_$][\w$]*(\([^)]*\))?)*$/;
const SCRIPT_NAME = /^[a-z]+(:[a-z0-9-]+)+$/;
/** A bare file name (`proxy.ts`, `.env.example`), not a member access such as `Symbol.for`. */
const FILE_NAME = /(^\.|\.(ts|tsx|mjs|cjs|js|json|md|css|svg|yaml)$)/;
const PATH = /^(@\/)?[\w.@[\]-]+(\/[\w.@[\]-]+)*\/?$/;

/** Every `code span` of a Markdown text. */
function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe.each(
  allStacks().flatMap((stack) => PACKAGE_MANAGERS.map((pm) => [`${stackId(stack)} (${pm})`, stack, pm] as const)),
)("AGENTS.md of the %s app", (_id, stack, packageManager) => {
  const { tree } = projectFiles({ templatesRoot: templatesRoot(), name: "my-app", stack, packageManager, packageManagerSpec: undefined });
  const text = tree.get("AGENTS.md")?.toString("utf8") ?? "";
  const spans = codeSpans(text);
  const paths = [...tree.keys()];
  const others = [...tree].filter(([path]) => path !== "AGENTS.md").map(([, bytes]) => bytes.toString("utf8"));
  const exists = (path: string) =>
    tree.has(path) || paths.some((p) => p.startsWith(path.endsWith("/") ? path : `${path}/`));

  it("exists and stays short (at most 120 lines)", () => {
    expect(text).not.toBe("");
    expect(text.split("\n").length).toBeLessThanOrEqual(120);
  });

  it("names only files and folders this app has", () => {
    const named = spans.filter((span) => PATH.test(span) && (span.includes("/") || FILE_NAME.test(span)));
    expect(named.length).toBeGreaterThan(10);
    const missing = named.filter((span) => {
      if (EXAMPLE_PATHS.has(span)) return false;
      if (span.startsWith("@/")) return !["ts", "tsx"].some((ext) => tree.has(`${span.slice(2)}.${ext}`));
      return !exists(span);
    });
    expect(missing).toEqual([]);
  });

  it("names only identifiers that appear in the app's code", () => {
    const names = spans
      .filter((span) => IDENTIFIER_CHAIN.test(span))
      .flatMap((span) => span.replace(/\([^)]*\)/g, "").split("."));
    expect(names).toEqual(expect.arrayContaining(["requireSession", "protectedPages", "isBackendError"]));
    const unknown = names.filter((name) => !others.some((body) => new RegExp(`\\b${escapeRegExp(name)}\\b`).test(body)));
    expect(unknown).toEqual([]);
  });

  it("puts each `name` in `file` it points to in that very file", () => {
    const pairs = [...text.matchAll(/`([A-Za-z_$][\w$]*)` in `([^`]+)`/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    const wrong = pairs.filter(([name, path]) => !new RegExp(`\\b${name}\\b`).test(tree.get(path)?.toString("utf8") ?? ""));
    expect(wrong).toEqual([]);
  });

  it("runs only scripts the app's package.json has, with its package manager", () => {
    const scripts = scriptNames(tree);
    const commands = spans.filter((span) => span.startsWith(`${packageManager} `));
    expect(commands.length).toBeGreaterThanOrEqual(6);
    const unknown = commands
      .map((command) => command.replace(new RegExp(`^${packageManager} (run )?`), ""))
      .filter((script) => !scripts.has(script));
    expect(unknown).toEqual([]);
    const named = spans.filter((span) => SCRIPT_NAME.test(span));
    expect(named.filter((script) => !scripts.has(script))).toEqual([]);
    for (const other of PACKAGE_MANAGERS.filter((pm) => pm !== packageManager && !packageManager.startsWith(pm))) {
      expect(spans.filter((span) => span.startsWith(`${other} `))).toEqual([]);
    }
  });
});
