import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execaExec, type Exec } from "../src/exec.js";
import { npmPublishedRenderer } from "../src/upgrade/published-render.js";
import { failed, tempDir } from "./helpers.js";
import { appOptions } from "./upgrade-helpers.js";

const OPTIONS = appOptions({ backend: "rest", session: "db", db: "sqlite" });

/**
 * A stand-in for a published create-next-jwt-auth: a tarball whose bundled CLI
 * writes its arguments and user agent into the app folder it is given.
 */
function fakePackage(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "package/dist"), { recursive: true });
  writeFileSync(
    join(dir, "package/dist/index.js"),
    [
      'import { mkdirSync, writeFileSync } from "node:fs";',
      "const [target, ...flags] = process.argv.slice(2);",
      "mkdirSync(target + '/lib', { recursive: true });",
      "writeFileSync(target + '/args.txt', flags.join(' '));",
      "writeFileSync(target + '/lib/agent.txt', process.env.npm_config_user_agent);",
      "writeFileSync(target + '/.env.local', 'NEXTAUTH_SECRET=x');",
      "writeFileSync(target + '/create-next-jwt-auth.json', '{}');",
    ].join("\n"),
  );
  writeFileSync(join(dir, "package/package.json"), '{"type":"module"}');
  execFileSync("tar", ["-czf", "create-next-jwt-auth-0.1.0.tgz", "package"], { cwd: dir });
  return join(dir, "create-next-jwt-auth-0.1.0.tgz");
}

describe("npmPublishedRenderer", () => {
  it("fails cleanly, with npm's reason, when the version is not published", async () => {
    const calls: string[] = [];
    const exec: Exec = async (file, args) => {
      calls.push([file, ...args].join(" "));
      return failed("npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/create-next-jwt-auth", 1);
    };
    const result = await npmPublishedRenderer(exec)("0.1.0", OPTIONS);
    expect(result).toEqual({ ok: false, reason: "npm pack create-next-jwt-auth@0.1.0 failed: code E404" });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^npm pack create-next-jwt-auth@0\.1\.0 --pack-destination \S+ --ignore-scripts/);
  });

  it("renders the app with the packed version's own CLI, without install or git, and leaves out .env.local and the manifest", async () => {
    const tarball = fakePackage();
    const exec: Exec = async (file, args, options) => {
      if (file === "npm") {
        const destination = args[args.indexOf("--pack-destination") + 1]!;
        copyFileSync(tarball, join(destination, "create-next-jwt-auth-0.1.0.tgz"));
        return { ok: true, notFound: false, exitCode: 0, output: "", reason: "" };
      }
      return execaExec(file, args, options);
    };
    const result = await npmPublishedRenderer(exec)("0.1.0", OPTIONS);
    if (!result.ok) throw new Error(result.reason);
    expect([...result.files.keys()].sort()).toEqual(["args.txt", "lib/agent.txt"]);
    expect(result.files.get("args.txt")!.toString()).toBe(
      "--backend rest --session db --db sqlite --package-manager pnpm --no-install --no-git --yes",
    );
    expect(result.files.get("lib/agent.txt")!.toString()).toMatch(/^pnpm\/10\.34\.9 /);
  });

  it("fails cleanly when the packed CLI fails", async () => {
    const tarball = fakePackage();
    const exec: Exec = async (file, args, options) => {
      if (file === "npm") {
        copyFileSync(tarball, join(args[args.indexOf("--pack-destination") + 1]!, "x.tgz"));
        return { ok: true, notFound: false, exitCode: 0, output: "", reason: "" };
      }
      if (file === "tar") return execaExec(file, args, options);
      return failed("✖ template layer missing", 1);
    };
    const result = await npmPublishedRenderer(exec)("0.1.0", OPTIONS);
    expect(result).toEqual({ ok: false, reason: "create-next-jwt-auth@0.1.0 did not render the app: ✖ template layer missing" });
  });
});
