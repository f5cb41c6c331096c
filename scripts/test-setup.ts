/**
 * What `npm test` needs from the machine, found or made before the first test:
 * a Chromium for the generated apps' Playwright suites and a running
 * PostgreSQL for the PostgreSQL store tests and stack. On a fresh machine it
 * sets both up itself where it can, and otherwise stops with one sentence that
 * says what is missing and how to provide it.
 *
 *   pnpm exec tsx scripts/test-setup.ts     # prepare, print what was chosen
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const PLAYWRIGHT_CLI = join(ROOT, "node_modules/playwright-core/cli.js");
/** Where Debian and Ubuntu put their chromium package's binary. */
const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const DEFAULT_DATABASE_URL_TEST = "postgres://postgres@127.0.0.1:5432/test";

/** What the machine offers, gathered by `probeChromium`; a plain record so the choice is testable. */
export interface ChromiumFacts {
  /** Playwright's own browser is installed (possibly just now, by `playwright install chromium`). */
  playwrightOwn: boolean;
  /** CHROMIUM_PATH, when set. */
  configured: string | undefined;
  /** The first system binary that exists. */
  system: string | undefined;
  /** Running as root, so the distribution's package may be installed. */
  root: boolean;
}

export type ChromiumChoice =
  | { use: "playwright" }
  | { use: "path"; path: string }
  | { use: "apt" }
  | { use: "none"; message: string };

/**
 * Which Chromium the suites get, in the order: Playwright's own when
 * it is there or can be downloaded, else the one CHROMIUM_PATH names, else the
 * system's, else the distribution's package when we may install it.
 */
export function chooseChromium(facts: ChromiumFacts): ChromiumChoice {
  if (facts.playwrightOwn) return { use: "playwright" };
  if (facts.configured) return { use: "path", path: facts.configured };
  if (facts.system) return { use: "path", path: facts.system };
  if (facts.root) return { use: "apt" };
  return {
    use: "none",
    message:
      "No Chromium for the end-to-end tests: Playwright's download failed, CHROMIUM_PATH is unset and " +
      `${SYSTEM_CHROMIUM.join(" and ")} do not exist. Install one (e.g. sudo apt-get install chromium) ` +
      "or set CHROMIUM_PATH to a Chromium binary.",
  };
}

async function succeeds(file: string, args: string[], timeoutMs: number): Promise<boolean> {
  try {
    await run(file, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    return true;
  } catch {
    return false;
  }
}

async function playwrightChromiumInstalled(): Promise<boolean> {
  const { chromium } = await import("playwright-core");
  return existsSync(chromium.executablePath());
}

async function probeChromium(log: (line: string) => void): Promise<ChromiumFacts> {
  let playwrightOwn = await playwrightChromiumInstalled();
  if (!playwrightOwn && existsSync(PLAYWRIGHT_CLI)) {
    // Fails within seconds where the CDN is unreachable (as on this project's CI machine).
    log("downloading Playwright's Chromium");
    playwrightOwn = (await succeeds(process.execPath, [PLAYWRIGHT_CLI, "install", "chromium"], 300_000)) && (await playwrightChromiumInstalled());
    if (!playwrightOwn) log("Playwright's Chromium cannot be downloaded here");
  }
  return {
    playwrightOwn,
    configured: process.env.CHROMIUM_PATH || undefined,
    system: SYSTEM_CHROMIUM.find((path) => existsSync(path)),
    root: process.getuid?.() === 0,
  };
}

/**
 * Make sure the suites can start a Chromium; returns the environment they need
 * (CHROMIUM_PATH for a system browser; the apps' playwright.config.ts reads it).
 */
export async function ensureChromium(log: (line: string) => void): Promise<NodeJS.ProcessEnv> {
  const choice = chooseChromium(await probeChromium(log));
  if (choice.use === "playwright") {
    log("Chromium: Playwright's own");
    return {};
  }
  if (choice.use === "path") {
    log(`Chromium: ${choice.path}`);
    return { CHROMIUM_PATH: choice.path };
  }
  if (choice.use === "apt") {
    log("Chromium: installing the distribution's package (apt-get install chromium)");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    await run("apt-get", ["update", "-qq"], { env, maxBuffer: 64 * 1024 * 1024 });
    await run("apt-get", ["install", "-y", "-qq", "chromium"], { env, maxBuffer: 64 * 1024 * 1024 });
    const path = SYSTEM_CHROMIUM.find((p) => existsSync(p));
    if (!path) throw new Error("apt-get install chromium finished, but no chromium binary appeared in /usr/bin");
    log(`Chromium: ${path}`);
    return { CHROMIUM_PATH: path };
  }
  throw new Error(choice.message);
}

/** Whether something accepts TCP connections on host:port within a second. */
function listening(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: 1000 });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
    socket.once("timeout", () => finish(false));
  });
}

/**
 * Make sure DATABASE_URL_TEST's server runs: the running one, else the
 * installed cluster started with `pg_ctlcluster` (Debian's layout,
 * /etc/postgresql/<version>/main), else one clear message.
 */
export async function ensurePostgres(log: (line: string) => void): Promise<NodeJS.ProcessEnv> {
  const url = process.env.DATABASE_URL_TEST ?? DEFAULT_DATABASE_URL_TEST;
  const { hostname, port } = new URL(url);
  const host = hostname || "127.0.0.1";
  const portNumber = Number(port || 5432);
  if (await listening(host, portNumber)) {
    log(`PostgreSQL: running at ${host}:${portNumber}`);
    return { DATABASE_URL_TEST: url };
  }
  const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
  if (versions.length > 0) {
    const version = versions.sort((a, b) => Number(b) - Number(a))[0]!;
    log(`PostgreSQL: starting the installed ${version} cluster`);
    await run("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"]).catch((error: Error) =>
      log(`pg_ctlcluster: ${error.message.split("\n")[0]}`),
    );
    for (let i = 0; i < 30; i++) {
      if (await listening(host, portNumber)) {
        log(`PostgreSQL: running at ${host}:${portNumber}`);
        return { DATABASE_URL_TEST: url };
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw new Error(
    `No PostgreSQL at ${host}:${portNumber} for the PostgreSQL store tests and stack` +
      (versions.length > 0 ? ", and starting the installed cluster did not bring one up" : ", and none is installed") +
      `. Start one (trust auth, a database named as in ${url}) or set DATABASE_URL_TEST to one.`,
  );
}

/** Both, for `npm test`; the result is merged into the environment every later step gets. */
export async function prepareTestMachine(log: (line: string) => void = console.log): Promise<NodeJS.ProcessEnv> {
  return { ...(await ensureChromium(log)), ...(await ensurePostgres(log)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = await prepareTestMachine((line) => console.log(`== ${line}`));
  for (const [key, value] of Object.entries(env)) console.log(`${key}=${value}`);
}
