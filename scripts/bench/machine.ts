/** What a bench run ran on: date, machine and versions, for the top of BENCHMARKS.md. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { join } from "node:path";
import { VERSIONS } from "../../packages/create-next-jwt-auth/src/versions.js";
import { PEER_VERSION } from "./workspace.js";

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  pnpm: string;
  chromium: string;
  postgres: string;
  versions: Record<string, string>;
  loadAverageAtStart: number[];
}

function tryRun(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

/** Read the machine; `peerApp` is create-next-app's generated app, whose pins are reported. */
export function machineInfo(postgresUrl: string | undefined): MachineInfo {
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    kernel: release(),
    node: process.version,
    pnpm: tryRun("npx", ["-y", "pnpm@10", "--version"]),
    chromium: tryRun(process.env.CHROMIUM_PATH ?? "chromium", ["--version"]),
    postgres: postgresUrl ? tryRun("psql", [postgresUrl, "-Atc", "show server_version"]) : "not used",
    versions: {
      next: VERSIONS.next,
      "next-auth": VERSIONS["next-auth"],
      react: VERSIONS.react,
      "better-sqlite3": VERSIONS["better-sqlite3"],
      pg: VERSIONS.pg,
      "create-next-app": PEER_VERSION,
    },
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** The `next` version create-next-app's default app pins, which its build used. */
export function peerNextVersion(peerApp: string): string {
  const pkg = JSON.parse(readFileSync(join(peerApp, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  return pkg.dependencies?.next ?? "unknown";
}
