/**
 * One CI step: a built generated app started with `next start` against an
 * independent backend, put through scripts/flow-check.ts.
 */
import { appendFileSync } from "node:fs";
import { startBuiltApp } from "./built-app.js";
import { flowCheck } from "./flow-check.js";
import {
  BACKEND_VARIANTS,
  demoProxyPath,
  startBackend,
  type BackendVariantName,
} from "./independent-backends.js";
import type { StepResult } from "./run-step.js";
// The lifetimes the flow waits out are the app's e2e settings.
import { E2E_ACCESS_TTL, E2E_REFRESH_TTL } from "../templates/base/e2e/settings.js";

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
  let ok = false;
  const backend = await startBackend(options.variant, {
    port: options.backendPort,
    accessTtl: E2E_ACCESS_TTL,
    refreshTtl: E2E_REFRESH_TTL,
    log: options.log,
  }).catch((error: Error) => error);
  if (backend instanceof Error) {
    log(`flow: ${backend.message}`);
  } else {
    try {
      const app = await startBuiltApp(options.appDir, {
        port: options.appPort,
        env: {
          ...options.env,
          ...BACKEND_VARIANTS[options.variant].appEnv(),
          ...options.appEnv,
          BACKEND_URL: backend.url,
        },
        log: options.log,
      });
      try {
        await flowCheck({
          appUrl: app.url,
          backendUrl: backend.url,
          proxyPath: demoProxyPath(options.variant),
          accessTtl: E2E_ACCESS_TTL,
          refreshTtl: E2E_REFRESH_TTL,
          log: (line) => log(`flow: ${line}`),
        });
        ok = true;
      } finally {
        await app.stop();
      }
    } catch (error) {
      log(`flow FAILED: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await backend.stop();
    }
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  return { name: options.name, ok, seconds, log: options.log };
}
