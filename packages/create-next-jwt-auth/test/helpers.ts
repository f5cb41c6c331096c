import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { CliEnvironment } from "../src/create.js";
import type { Exec, ExecResult } from "../src/exec.js";
import { MemoryOutput } from "../src/io.js";
import { templatesRoot } from "../src/layers.js";
import type { Prompter } from "../src/prompts.js";

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cnja-test-"));
  made.push(dir);
  return dir;
}

/** Every file under `dir` with its bytes and mode, for "left byte-identical" checks. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        out[`${path}/`] = "dir";
        walk(path);
      } else {
        const full = join(dir, path);
        out[path] = `${statSync(full).mode.toString(8)}:${readFileSync(full).toString("base64")}`;
      }
    }
  };
  walk("");
  return out;
}

export const ok = (output = ""): ExecResult => ({ ok: true, notFound: false, exitCode: 0, output, reason: "" });
export const failed = (output: string, exitCode = 1): ExecResult => ({
  ok: false,
  notFound: false,
  exitCode,
  output,
  reason: `exited with code ${exitCode}`,
});
export const notFound = (file: string): ExecResult => ({
  ok: false,
  notFound: true,
  exitCode: undefined,
  output: "",
  reason: `${file} was not found on PATH`,
});

/** A scripted `Exec`: answers by the command line it is given and records every call. */
export function fakeExec(answer: (commandLine: string, cwd: string) => ExecResult | Promise<ExecResult>) {
  const calls: string[] = [];
  const exec: Exec = async (file, args, options) => {
    const line = [file, ...args].join(" ");
    calls.push(line);
    return answer(line, options.cwd);
  };
  return { exec, calls };
}

/** A prompter that must not be called: any prompt in a non-interactive run is a bug. */
export const noPrompts: Prompter = async (questions) => {
  throw new Error(`unexpected prompt: ${questions.map((q) => String(q.name)).join(", ")}`);
};

/** A CLI environment for in-process runs: no TTY, fake exec, output captured. */
export function cliEnv(overrides: Partial<CliEnvironment> & { argv: string[]; cwd: string }) {
  const stdout = new MemoryOutput();
  const stderr = new MemoryOutput();
  const env: CliEnvironment = {
    env: { npm_config_user_agent: "pnpm/10.34.9 npm/? node/v24.21.0 linux x64" },
    nodeVersion: "24.21.0",
    stdout,
    stderr,
    stdinIsTTY: false,
    prompter: noPrompts,
    exec: fakeExec(() => ok()).exec,
    templatesRoot,
    ...overrides,
  };
  return { env, stdout, stderr };
}
