import { execa } from "execa";

/** The outcome of a child process; never thrown, so callers decide what a failure means. */
export interface ExecResult {
  ok: boolean;
  /** The program was not found on PATH (ENOENT). */
  notFound: boolean;
  exitCode: number | undefined;
  /** stdout and stderr interleaved, trimmed. */
  output: string;
  /** One line saying why it failed (empty when ok). */
  reason: string;
}

/** Where and how long a child process may run. */
export interface ExecOptions {
  cwd: string;
  /** Kill the child after this long; probes use it so a wedged tool cannot hang the CLI. */
  timeoutMs?: number;
  /** Variables added to the inherited environment. */
  env?: Record<string, string>;
}

/** Runs a program without a shell. Injected so tests can simulate missing or failing tools. */
export type Exec = (file: string, args: readonly string[], options: ExecOptions) => Promise<ExecResult>;

/** The real `Exec`, on execa: no shell, stdin closed so no child can wait for input. */
export const execaExec: Exec = async (file, args, options) => {
  const result = await execa(file, [...args], {
    cwd: options.cwd,
    reject: false,
    all: true,
    stdin: "ignore",
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  const notFound = (result as { code?: string }).code === "ENOENT";
  const output = String(result.all ?? "").trim();
  let reason = "";
  if (notFound) reason = `${file} was not found on PATH`;
  else if (result.timedOut) reason = `${file} did not finish within ${options.timeoutMs} ms`;
  else if (result.failed) reason = result.shortMessage ?? `${file} failed`;
  return { ok: !result.failed, notFound, exitCode: result.exitCode, output, reason };
};
