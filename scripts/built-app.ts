/**
 * A built generated app run with `next start`, as the flow check, the
 * benchmarks and the sign-in timing script need it.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";

/** Resolves once `url` answers with anything but a 5xx; rejects after `seconds`. */
export async function waitForHttp(url: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** Rejects when something already listens on `port`: a check must never talk to a stranger. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolveFree, reject) => {
    const probe = createServer();
    probe.once("error", (error) => reject(new Error(`port ${port} is taken (${error.message})`)));
    probe.listen(port, () => probe.close(() => resolveFree()));
  });
}

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  port: number;
  /** Environment on top of this process's; PATH decides the Node.js version. */
  env?: NodeJS.ProcessEnv;
  /** File the app's output is appended to; dropped when absent. */
  log?: string;
}

/**
 * `next start` in `appDir` (which must hold a build) on a free port, in
 * production mode with `NEXTAUTH_URL` pointing at itself; resolves once
 * `/login` answers.
 */
export async function startBuiltApp(appDir: string, options: StartAppOptions): Promise<RunningApp> {
  await assertPortFree(options.port);
  const url = `http://localhost:${options.port}`;
  const child = spawn("node", ["node_modules/next/dist/bin/next", "start", "--port", String(options.port)], {
    cwd: appDir,
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      NEXTAUTH_URL: url,
    },
    stdio: ["ignore", options.log ? "pipe" : "ignore", options.log ? "pipe" : "ignore"],
  });
  const out = options.log ? createWriteStream(options.log, { flags: "a" }) : undefined;
  if (out) {
    child.stdout?.pipe(out, { end: false });
    child.stderr?.pipe(out, { end: false });
  }
  const stop = () =>
    new Promise<void>((resolveDown) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveDown();
      child.once("exit", () => resolveDown());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    }).finally(() => out?.end());
  try {
    await waitForHttp(`${url}/login`, 60);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
