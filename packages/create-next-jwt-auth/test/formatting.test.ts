import { posix } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { templatesRoot } from "../src/layers.js";
import { allStacks, stackId } from "../src/options.js";
import { projectFiles } from "../src/project-files.js";

// Generated apps run `prettier --check .` in their lint script. Checking every
// rendered file here, for every stack, catches a badly formatted template in
// seconds instead of after an install and a lint run per stack.
describe.each(allStacks().map((stack) => [stackId(stack), stack] as const))(
  "the rendered %s app",
  (_id, stack) => {
    it("is formatted as its own prettier config and ignore file say", async () => {
      // Everything the CLI writes, the manifest included (only .env* files are skipped below).
      const { tree } = projectFiles({
        templatesRoot: templatesRoot(),
        name: "my-app",
        stack,
        packageManager: "pnpm",
        packageManagerSpec: undefined,
      });
      const config = JSON.parse(tree.get(".prettierrc")!.toString("utf8")) as prettier.Options;
      const ignored = tree.get(".prettierignore")!.toString("utf8").split("\n").filter(Boolean);
      const unformatted: string[] = [];
      for (const [path, contents] of tree) {
        if (ignored.some((entry) => path === entry || path.startsWith(`${entry}/`))) continue;
        const info = await prettier.getFileInfo(path);
        if (!info.inferredParser || posix.basename(path).startsWith(".env")) continue;
        const ok = await prettier.check(contents.toString("utf8"), { ...config, filepath: path });
        if (!ok) unformatted.push(path);
      }
      expect(unformatted).toEqual([]);
    });
  },
);
