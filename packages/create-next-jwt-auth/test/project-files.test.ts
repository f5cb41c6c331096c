import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_LOCAL, ENV_EXAMPLE } from "../src/env-local.js";
import { layersFor, templatesRoot } from "../src/layers.js";
import { allStacks, stackId, type Stack } from "../src/options.js";
import { envVariableNames, projectFiles, scriptNames } from "../src/project-files.js";
import { VERSIONS } from "../src/versions.js";
import { tempDir } from "./helpers.js";

// These run on the real templates, which other people are still writing: they
// check only what must hold for any correct template.
const SPEC = "pnpm@10.34.9";
const SECRET = "s".repeat(43);
const render = (stack: Stack, name = "my-app") =>
  projectFiles({ templatesRoot: templatesRoot(), name, stack, packageManager: "pnpm", packageManagerSpec: SPEC, secret: SECRET });

function isText(buffer: Buffer): boolean {
  return !buffer.includes(0) && Buffer.from(buffer.toString("utf8"), "utf8").equals(buffer);
}

describe.each(allStacks().map((stack) => [stackId(stack), stack] as const))("rendering %s in memory", (_id, stack) => {
  const { tree, privatePaths } = render(stack);
  const manifest = JSON.parse(tree.get("package.json")!.toString("utf8"));

  it("gives package.json the project name, packageManager and the app's Node floor (22.14 with SQLite, else 22.12)", () => {
    expect(manifest.name).toBe("my-app");
    expect(manifest.packageManager).toBe(SPEC);
    expect(manifest.engines).toEqual({ node: stack.db === "sqlite" ? ">=22.14" : ">=22.12" });
    expect(manifest.private).toBe(true);
    expect(manifest.type).toBe("module");
  });

  it("names the current Node.js LTS line in .nvmrc", () => {
    expect(tree.get(".nvmrc")?.toString("utf8")).toBe("26\n");
  });

  it("pins every dependency to the version map and leaves no catalog: behind", () => {
    expect(tree.get("package.json")!.toString("utf8")).not.toContain("catalog:");
    for (const field of ["dependencies", "devDependencies"]) {
      for (const [name, version] of Object.entries(manifest[field] ?? {})) {
        expect(version, `${field}.${name}`).toBe((VERSIONS as Record<string, string>)[name]);
      }
    }
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(["next", "next-auth", "react", "react-dom"]));
  });

  it("renames dot-files and leaves no template suffix or underscore file behind", () => {
    expect(tree.has(".gitignore")).toBe(true);
    expect(tree.has(ENV_EXAMPLE)).toBe(true);
    for (const path of tree.keys()) {
      expect(path).not.toMatch(/\.hbs$/);
      expect(path.split("/").pop()).not.toMatch(/^_[a-z]/i);
    }
  });

  it("includes the layers' contract files", () => {
    const layers = layersFor(stack);
    expect(layers).toEqual([
      "base",
      ...(stack.backend === "drupal" ? [] : ["backend-http"]),
      `backend-${stack.backend}`,
      `session-${stack.session}`,
      ...(stack.db ? [`db-${stack.db}`] : []),
    ]);
    for (const path of ["lib/next-jwt-auth/backend/types.ts", "lib/next-jwt-auth/backend/adapter.ts", "lib/backend/config.ts", "lib/backend/forwarding.ts", "app/dashboard/demo-items.ts", "mock/backend.ts"]) {
      expect(tree.has(path), path).toBe(true);
    }
  });

  it("documents an empty NEXTAUTH_SECRET in .env.example and fills it only in the private .env.local", () => {
    const example = tree.get(ENV_EXAMPLE)!.toString("utf8");
    expect(example).toMatch(/^NEXTAUTH_SECRET=$/m);
    const local = tree.get(ENV_LOCAL)!.toString("utf8");
    expect(local).toMatch(new RegExp(`^NEXTAUTH_SECRET=${SECRET}$`, "m"));
    expect(local).not.toMatch(/^NEXTAUTH_SECRET=$/m);
    expect([...privatePaths]).toEqual([ENV_LOCAL]);
    expect(envVariableNames(tree)).toContain("BACKEND_URL");
  });

  it("has no trailing whitespace and no two consecutive blank lines in any text file", () => {
    const problems: string[] = [];
    for (const [path, contents] of tree) {
      if (!isText(contents)) continue;
      const lines = contents.toString("utf8").split("\n");
      lines.forEach((line, index) => {
        if (/[ \t\r]+$/.test(line)) problems.push(`${path}:${index + 1} trailing whitespace`);
        if (index > 0 && line.trim() === "" && lines[index - 1]!.trim() === "" && index < lines.length - 1) {
          problems.push(`${path}:${index + 1} second blank line`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it("has the scripts the next steps mention", () => {
    expect([...scriptNames(tree)]).toEqual(expect.arrayContaining(["dev", "build", "test"]));
  });

  it("git-ignores .env.local and node_modules", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".gitignore"), tree.get(".gitignore")!);
    execFileSync("git", ["init", "--quiet"], { cwd: dir });
    // check-ignore exits 1 (and execFileSync throws) when the path is not ignored.
    for (const path of [ENV_LOCAL, "node_modules/x"]) {
      execFileSync("git", ["check-ignore", "--quiet", path], { cwd: dir });
    }
  });
});

describe("projectFiles", () => {
  it("names a scoped project after its scope and name", () => {
    const { tree } = render(allStacks()[0]!, "@acme/portal");
    expect(JSON.parse(tree.get("package.json")!.toString("utf8")).name).toBe("@acme/portal");
  });

  it("generates a different secret for every project by default", () => {
    const stack = allStacks()[0]!;
    const a = projectFiles({ templatesRoot: templatesRoot(), name: "a", stack, packageManager: "npm", packageManagerSpec: undefined });
    const b = projectFiles({ templatesRoot: templatesRoot(), name: "a", stack, packageManager: "npm", packageManagerSpec: undefined });
    expect(a.tree.get(ENV_LOCAL)!.equals(b.tree.get(ENV_LOCAL)!)).toBe(false);
  });

  it("omits packageManager when its version is unknown", () => {
    const { tree } = projectFiles({ templatesRoot: templatesRoot(), name: "a", stack: allStacks()[0]!, packageManager: "npm", packageManagerSpec: undefined });
    expect(JSON.parse(tree.get("package.json")!.toString("utf8"))).not.toHaveProperty("packageManager");
  });

  it("renders different backend code for different backends", () => {
    const [drupal, nestjs] = [
      render({ backend: "drupal", session: "jwt", db: undefined }),
      render({ backend: "nestjs", session: "jwt", db: undefined }),
    ];
    expect(drupal.tree.get("lib/next-jwt-auth/backend/adapter.ts")!.equals(nestjs.tree.get("lib/next-jwt-auth/backend/adapter.ts")!)).toBe(false);
  });
});
