/**
 * `npm run typecheck:templates`: type-checks every combination of template
 * layers in place, from `templates/`, without rendering an app, with the
 * TypeScript the apps pin (installed in `templates/node_modules` by bootstrap).
 *
 *   tsx scripts/typecheck-templates.ts [--write] [stack id…]
 *
 * First it checks that the generated files (`templates/tsconfig.json`,
 * `templates/tsconfig/*.json`, `templates/package.json`) are current; `--write`
 * rewrites them (after a dependency change in a layer, run `npx -y pnpm@10
 * install` next). Then one program per combination, all in this process: they
 * share parsed and bound source files (node_modules types, base), so each
 * combination after the first costs mostly its checking time.
 *
 * `*.hbs` files are not checked here (they are only valid once rendered);
 * the generated apps' own `typecheck` covers them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as TS from "typescript";
import { combinations, generatedFiles, TEMPLATES, templatesPath, tsconfigPath } from "./template-layers.js";

const args = process.argv.slice(2);
const write = args.includes("--write");
const only = args.filter((a) => !a.startsWith("--"));

// 1. The generated files.
const stale: string[] = [];
for (const [path, text] of generatedFiles()) {
  if (existsSync(path) && readFileSync(path, "utf8") === text) continue;
  if (write) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${templatesPath(path)}`);
  } else {
    stale.push(templatesPath(path));
  }
}
if (stale.length > 0) {
  console.error(`out of date: ${stale.join(", ")}\nrun: npm run typecheck:templates -- --write (then npx -y pnpm@10 install)`);
  process.exit(1);
}

// 2. The apps' TypeScript, from the templates package.
const typescriptEntry = join(TEMPLATES, "node_modules/typescript");
if (!existsSync(typescriptEntry)) {
  console.error("templates/node_modules is missing: run npm run bootstrap");
  process.exit(1);
}
const ts = createRequire(join(TEMPLATES, "package.json"))("typescript") as typeof TS;

const selected = combinations().filter((c) => only.length === 0 || only.includes(c.id));
if (selected.length === 0) {
  console.error(`no combination named ${only.join(", ")}; known: ${combinations().map((c) => c.id).join(", ")}`);
  process.exit(2);
}

// Parsed files are the same in every combination (same compiler options but
// for paths and rootDirs, which only change resolution), so they are shared.
const sourceFiles = new Map<string, TS.SourceFile>();
const formatHost: TS.FormatDiagnosticsHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => TEMPLATES,
  getNewLine: () => "\n",
};

let failed = 0;
const started = performance.now();
for (const combination of selected) {
  const begun = performance.now();
  const config = ts.getParsedCommandLineOfConfigFile(tsconfigPath(combination), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  })!;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const cached = sourceFiles.get(fileName);
    if (cached && !shouldCreate) return cached;
    const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (file) sourceFiles.set(fileName, file);
    return file;
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host, configFileParsingDiagnostics: config.errors });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const seconds = ((performance.now() - begun) / 1000).toFixed(1);
  const files = config.fileNames.length;
  if (diagnostics.length === 0) {
    console.log(`ok   ${combination.id} (${files} files, ${seconds}s)`);
  } else {
    failed++;
    console.log(`FAIL ${combination.id} (${files} files, ${seconds}s): ${diagnostics.length} errors`);
    console.log(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
  }
}
const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${selected.length - failed} of ${selected.length} combinations type-check in place (${total}s)`);
process.exit(failed === 0 ? 0 : 1);
