import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fileHash, MANIFEST_PATH, parseManifest } from "../src/manifest.js";
import { tempDir } from "./helpers.js";

// The bundled CLI as users run it, in a child process. Every run has a hard
// deadline in the harness only, so a hang fails the test instead of stalling CI.
const BUNDLE = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const DEADLINE_MS = 45_000;
const ENV = {
  ...process.env,
  // Skip the `npm --version` probe; the user agent says what the package manager is.
  npm_config_user_agent: "pnpm/10.34.9 npm/? node/v20.20.0 linux x64",
  NO_COLOR: "1",
  FORCE_COLOR: undefined,
};
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g, "");

interface Run {
  code: number | null;
  output: string;
}

/** Run a command; `steps` are [wait for this in the output, then type this] pairs. */
function run(
  command: string,
  args: string[],
  options: { cwd: string; stdin: "ignore" | "pipe"; steps?: [RegExp, string][] },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: ENV, stdio: [options.stdin, "pipe", "pipe"] });
    let output = "";
    let consumed = 0;
    const steps = [...(options.steps ?? [])];
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no exit within ${DEADLINE_MS} ms; output so far:\n${stripAnsi(output)}`));
    }, DEADLINE_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const next = steps[0];
      if (!next) return;
      const match = next[0].exec(stripAnsi(output).slice(consumed));
      if (!match) return;
      consumed += match.index + match[0].length;
      steps.shift();
      child.stdin!.write(next[1]);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output: stripAnsi(output) });
    });
  });
}

/** Through a pseudo-terminal (util-linux `script`), so stdin is a real TTY and prompts appear. */
function runInTerminal(cwd: string, cliArgs: string[], steps: [RegExp, string][]): Promise<Run> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const commandLine = [process.execPath, BUNDLE, ...cliArgs].map(quote).join(" ");
  return run("script", ["--quiet", "--flush", "--return", "--command", commandLine, "/dev/null"], { cwd, stdin: "pipe", steps });
}

const DOWN = "\u001b[B";
const ENTER = "\r";

describe("the bundled CLI", { timeout: DEADLINE_MS + 15_000 }, () => {
  it("creates a project from flags with stdin closed, and never prompts", async () => {
    const cwd = tempDir();
    const result = await run(process.execPath, [BUNDLE, "flags-app", "--backend", "nestjs", "--session", "jwt", "--yes", "--no-install", "--no-git"], { cwd, stdin: "ignore" });
    expect(result.output).not.toMatch(/Project name|Which backend|Where should sessions/);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "flags-app/package.json"), "utf8")).name).toBe("flags-app");
    expect(result.output).toContain("--backend nestjs --session jwt --package-manager pnpm --no-install --no-git --yes");
  });

  it("writes a manifest whose hashes match the files on disk and whose options match package.json", async () => {
    const cwd = tempDir();
    const result = await run(process.execPath, [BUNDLE, "kept-app", "--backend", "drupal", "--session", "db", "--db", "sqlite", "--yes", "--no-install", "--no-git"], { cwd, stdin: "ignore" });
    expect(result.code, result.output).toBe(0);
    const app = join(cwd, "kept-app");
    const manifest = parseManifest(readFileSync(join(app, MANIFEST_PATH), "utf8"));
    const packageJson = JSON.parse(readFileSync(join(app, "package.json"), "utf8"));
    expect(manifest.options).toEqual({
      name: "kept-app",
      backend: "drupal",
      session: "db",
      db: "sqlite",
      packageManager: "pnpm",
      ...(packageJson.packageManager ? { packageManagerSpec: packageJson.packageManager } : {}),
    });
    expect(Object.keys(manifest.files).length).toBeGreaterThan(50);
    for (const [path, hash] of Object.entries(manifest.files)) {
      expect(fileHash(readFileSync(join(app, path))), path).toBe(hash);
    }
  });

  it("uses defaults and finishes when stdin is an open pipe that is not a terminal", async () => {
    const cwd = tempDir();
    const result = await run(process.execPath, [BUNDLE, "--no-install", "--no-git"], { cwd, stdin: "pipe" });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/Using defaults \(no terminal to ask in\): project: my-app, backend: rest, session: jwt/);
    expect(existsSync(join(cwd, "my-app/.env.local"))).toBe(true);
  });

  it("exits 2 on a usage error and writes nothing", async () => {
    const cwd = tempDir();
    const result = await run(process.execPath, [BUNDLE, "app", "--session", "jwt", "--db", "sqlite"], { cwd, stdin: "ignore" });
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/--db only applies to --session db/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("asks every question in a terminal and creates what was answered", async () => {
    const cwd = tempDir();
    const result = await runInTerminal(cwd, ["--no-install", "--no-git"], [
      [/Project name/, `pty-app${ENTER}`],
      [/Which backend/, `${DOWN}${ENTER}`], // rest → nestjs
      [/Where should sessions live/, `${DOWN}${ENTER}`], // jwt → db
      [/Which database/, `${DOWN}${ENTER}`], // sqlite → postgres
    ]);
    expect(result.code, result.output).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "pty-app/package.json"), "utf8")).name).toBe("pty-app");
    expect(result.output).toContain("pty-app --backend nestjs --session db --db postgres --package-manager pnpm --no-install --no-git --yes");
  });

  it("stops cleanly on Ctrl-C at a prompt and writes nothing", async () => {
    const cwd = tempDir();
    const result = await runInTerminal(cwd, ["--no-install", "--no-git"], [[/Project name/, "\u0003"]]);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Cancelled; nothing was written/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
