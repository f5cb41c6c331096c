/**
 * One CI step: a built generated app started with `next start` against an
 * independent backend, put through scripts/flow-check.ts.
 */
import { spawn } from "node:child_process";
import { appendFileSync, createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { flowCheck } from "./flow-check.js";
import {
  BACKEND_VARIANTS,
  demoProxyPath,
  startBackend,
  type BackendVariantName,
} from "./independent-backends.js";
import type { StepResult } from "./run-step.js";

/** The lifetimes the flow waits out; the same as the app's e2e settings. */
const ACCESS_TTL = 10;
const REFRESH_TTL = 30;

async function waitForHttp(url: string, seconds: number): Promise<void> {
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

/** Rejects when something already listens on `port`: the flow must never talk to a stranger. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolveFree, reject) => {
    const probe = createServer();
    probe.once("error", (error) => reject(new Error(`port ${port} is taken (${error.message})`)));
    probe.listen(port, () => probe.close(() => resolveFree()));
  });
}

export interface FlowStepOptions {
  name: string;
  appDir: string;
  variant: BackendVariantName;
  appPort: number;
  backendPort: number;
  /** The run's environment (PATH decides the Node.js version). */
  env: NodeJS.ProcessEnv;
  /** Extra app environment, e.g. its own DATABASE_URL so a concurrent e2e run is not disturbed. */
  appEnv?: Record<string, string>;
  log: string;
}

/** Start backend and app, run the flow, stop both; the outcome as a CI step. */
export async function runFlowStep(options: FlowStepOptions): Promise<StepResult> {
  const started = Date.now();
  const log = (line: string) => appendFileSync(options.log, `${line}\n`);
  log(`\n$ flow check of ${options.appDir} against ${options.variant}`);
  const backend = await assertPortFree(options.appPort)
    .then(() =>
      startBackend(options.variant, {
        port: options.backendPort,
        accessTtl: ACCESS_TTL,
        refreshTtl: REFRESH_TTL,
        log: options.log,
      }),
    )
    .catch((error: Error) => error);
  let ok = false;
  if (backend instanceof Error) {
    log(`flow: ${backend.message}`);
  } else {
    const appUrl = `http://localhost:${options.appPort}`;
    const out = createWriteStream(options.log, { flags: "a" });
    const app = spawn("node", ["node_modules/next/dist/bin/next", "start", "--port", String(options.appPort)], {
      cwd: options.appDir,
      env: {
        ...process.env,
        ...options.env,
        ...BACKEND_VARIANTS[options.variant].appEnv(),
        ...options.appEnv,
        NODE_ENV: "production",
        PORT: String(options.appPort),
        NEXTAUTH_URL: appUrl,
        BACKEND_URL: backend.url,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    app.stdout.pipe(out, { end: false });
    app.stderr.pipe(out, { end: false });
    try {
      await waitForHttp(`${appUrl}/login`, 60);
      await flowCheck({
        appUrl,
        backendUrl: backend.url,
        proxyPath: demoProxyPath(options.variant),
        accessTtl: ACCESS_TTL,
        refreshTtl: REFRESH_TTL,
        log: (line) => log(`flow: ${line}`),
      });
      ok = true;
    } catch (error) {
      log(`flow FAILED: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await new Promise<void>((resolveDown) => {
        if (app.exitCode !== null) return resolveDown();
        app.once("exit", () => resolveDown());
        app.kill("SIGTERM");
        setTimeout(() => app.kill("SIGKILL"), 5_000).unref();
      });
      await backend.stop();
      out.end();
    }
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  return { name: options.name, ok, seconds, log: options.log };
}
