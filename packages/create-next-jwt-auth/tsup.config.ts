import { defineConfig } from "tsup";

/**
 * One ESM file with every dependency inlined, as create-next-app and create-vite
 * ship: `npx` then downloads a single small package and starts without resolving
 * a dependency tree.
 */
export default defineConfig({
  entry: { index: "src/bin.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  outDir: "dist",
  clean: true,
  splitting: false,
  sourcemap: false,
  minify: false,
  noExternal: [/.*/],
  // Keep `node:` specifiers, so the bundle's imports are plainly built-ins (tested).
  removeNodeProtocol: false,
  // Bundled CommonJS dependencies (prompts, handlebars, cross-spawn) call require()
  // for Node built-ins; an ES module has no `require`, so give them one.
  banner: {
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __cnjaCreateRequire } from "node:module";',
      "const require = __cnjaCreateRequire(import.meta.url);",
    ].join("\n"),
  },
});
