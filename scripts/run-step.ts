import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { preparationNiceness } from "./pipeline.js";

export interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
  log: string;
  /** The process's exit status (1 when it was killed or could not start). */
  code?: number;
}

/**
 * Run one command, streaming its output to a log file, and report how it went.
 * On failure the last lines of the log are printed so CI output says why.
 * During a pipeline preparation (scripts/pipeline.ts) the command runs under
 * `nice`, so the row being exercised beside it gets the CPU first.
 */
export async function runStep(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; log: string; timeoutSeconds?: number },
): Promise<StepResult> {
  const started = Date.now();
  const out = createWriteStream(options.log, { flags: "a" });
  const niceness = process.platform === "win32" ? 0 : preparationNiceness();
  out.write(`\n$ ${command} ${args.join(" ")}  (in ${options.cwd}${niceness ? `, nice ${niceness}` : ""})\n`);
  const code = await new Promise<number>((resolve) => {
    // `nice` execs the command in its own process, so the group kill below still reaches it.
    const [file, argv] = niceness ? ["nice", ["-n", String(niceness), command, ...args]] : [command, args];
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const timer = setTimeout(() => {
      out.write(`\n[timeout after ${options.timeoutSeconds}s: killing]\n`);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, (options.timeoutSeconds ?? 900) * 1000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve(status ?? 1);
    });
    child.on("error", (error) => {
      out.write(`\n[spawn failed: ${error.message}]\n`);
    });
  });
  await new Promise<void>((resolve) => out.end(resolve));
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  return { name, ok: code === 0, seconds, log: options.log, code };
}
