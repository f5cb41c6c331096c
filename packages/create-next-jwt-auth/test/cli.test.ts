import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { CLI_VERSION } from "../src/version.js";
import type { Prompter } from "../src/prompts.js";
import { cliEnv, fakeExec, failed, notFound, ok, snapshotDir, tempDir } from "./helpers.js";

const FLAGS = ["--backend", "nestjs", "--session", "jwt", "--no-install", "--no-git"];

describe("runCli exit codes", () => {
  const cases: [string, string[], number, RegExp][] = [
    ["--help prints usage and succeeds", ["--help"], 0, /Usage/],
    ["--version prints the version and succeeds", ["--version"], 0, new RegExp(CLI_VERSION.replace(/\./g, "\\."))],
    ["an unknown option is a usage error", ["--nope"], 2, /unknown option --nope/],
    ["an unknown value is a usage error", ["app", "--backend", "rails"], 2, /drupal, rest, nestjs/],
    ["--db without --session db is a usage error", ["app", "--db", "sqlite"], 2, /--db only applies/],
    ["an invalid name is a usage error", ["Bad Name"], 2, /capital letters/],
  ];
  it.each(cases)("%s", async (_name, argv, code, message) => {
    const cwd = tempDir();
    const { env, stdout, stderr } = cliEnv({ argv, cwd });
    expect(await runCli(env)).toBe(code);
    expect(stdout.text + stderr.text).toMatch(message);
    expect(snapshotDir(cwd)).toEqual({});
  });

  it("refuses a Node.js older than 20.9 before doing anything", async () => {
    const cwd = tempDir();
    const { env, stderr } = cliEnv({ argv: ["app", ...FLAGS], cwd, nodeVersion: "20.8.1" });
    expect(await runCli(env)).toBe(2);
    expect(stderr.text).toMatch(/20\.9 or newer/);
  });

  it("prints an unexpected error with its stack and exits 1", async () => {
    const cwd = tempDir();
    const { env, stderr } = cliEnv({
      argv: ["app", ...FLAGS],
      cwd,
      templatesRoot: () => {
        throw new Error("boom");
      },
    });
    expect(await runCli(env)).toBe(1);
    expect(stderr.text).toMatch(/Unexpected error[\s\S]*boom[\s\S]*at /);
  });
});

describe("creating a project", () => {
  it("writes the project, a private .env.local and a summary with the reproduce command", async () => {
    const cwd = tempDir();
    const { env, stdout } = cliEnv({ argv: ["shop", ...FLAGS], cwd });
    expect(await runCli(env)).toBe(0);
    const dir = join(cwd, "shop");
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toMatchObject({
      name: "shop",
      packageManager: "pnpm@10.34.9",
    });
    expect(statSync(join(dir, ".env.local")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, ".env.local"), "utf8")).toMatch(/^NEXTAUTH_SECRET=[A-Za-z0-9_-]{43}$/m);
    expect(stdout.text).toMatch(/Created shop/);
    expect(stdout.text).toMatch(/demo \/ demo-password/);
    expect(stdout.text).toMatch(/BACKEND_URL/);
    expect(stdout.text).toContain(
      `npx create-next-jwt-auth@${CLI_VERSION} shop --backend nestjs --session jwt --package-manager pnpm --no-install --no-git --yes`,
    );
  });

  it("creates nested folders for dir/@scope/app and names the package @scope/app", async () => {
    const cwd = tempDir();
    const { env } = cliEnv({ argv: ["apps/@acme/portal", ...FLAGS], cwd });
    expect(await runCli(env)).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "apps/@acme/portal/package.json"), "utf8")).name).toBe("@acme/portal");
  });

  it("uses the defaults without a TTY and says which it chose", async () => {
    const cwd = tempDir();
    const { env, stdout } = cliEnv({ argv: ["--no-install", "--no-git"], cwd });
    expect(await runCli(env)).toBe(0);
    expect(stdout.text).toMatch(/Using defaults \(no terminal to ask in\): project: my-app, backend: rest, session: jwt/);
    expect(existsSync(join(cwd, "my-app/package.json"))).toBe(true);
  });

  it("does not prompt on a TTY with --yes", async () => {
    const cwd = tempDir();
    const { env, stdout } = cliEnv({ argv: ["app", "--yes", "--no-install", "--no-git"], cwd, stdinIsTTY: true });
    expect(await runCli(env)).toBe(0);
    expect(stdout.text).toMatch(/Using defaults \(--yes\): backend: rest, session: jwt/);
  });

  it("prompts on a TTY for what is missing", async () => {
    const cwd = tempDir();
    const asked: string[] = [];
    const prompter: Prompter = async (questions) => {
      asked.push(...questions.map((q) => String(q.name)));
      return { dir: "asked-app", backend: "drupal", session: "db", db: "postgres" };
    };
    const { env } = cliEnv({ argv: ["--no-install", "--no-git"], cwd, stdinIsTTY: true, prompter });
    expect(await runCli(env)).toBe(0);
    expect(asked).toEqual(["dir", "backend", "session", "db"]);
    expect(existsSync(join(cwd, "asked-app/package.json"))).toBe(true);
  });

  it("writes nothing when the prompts are cancelled", async () => {
    const cwd = tempDir();
    const prompter: Prompter = async (_questions, options) => {
      options.onCancel();
      return {};
    };
    const { env, stderr } = cliEnv({ argv: [], cwd, stdinIsTTY: true, prompter });
    expect(await runCli(env)).toBe(1);
    expect(stderr.text).toMatch(/Cancelled; nothing was written/);
    expect(snapshotDir(cwd)).toEqual({});
  });

  it("omits packageManager and says so when the version cannot be found out", async () => {
    const cwd = tempDir();
    const { exec, calls } = fakeExec((line) => (line === "yarn --version" ? notFound("yarn") : ok()));
    const { env, stdout } = cliEnv({ argv: ["app", ...FLAGS, "--package-manager", "yarn"], cwd, exec });
    expect(await runCli(env)).toBe(0);
    expect(calls).toEqual(["yarn --version"]);
    expect(stdout.text).toMatch(/no "packageManager" field/);
    expect(JSON.parse(readFileSync(join(cwd, "app/package.json"), "utf8"))).not.toHaveProperty("packageManager");
  });

  it("asks the package manager for its version when the user agent is another one", async () => {
    const cwd = tempDir();
    const { exec } = fakeExec((line) => (line === "bun --version" ? ok("1.2.3") : ok()));
    const { env } = cliEnv({ argv: ["app", ...FLAGS, "--package-manager", "bun"], cwd, exec });
    expect(await runCli(env)).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "app/package.json"), "utf8")).packageManager).toBe("bun@1.2.3");
  });
});

describe("--dry-run", () => {
  it("lists every file, hides the secret and writes nothing", async () => {
    const cwd = tempDir();
    const { exec, calls } = fakeExec(() => ok());
    const { env, stdout } = cliEnv({ argv: ["dry", "--backend", "rest", "--session", "db", "--dry-run"], cwd, exec });
    expect(await runCli(env)).toBe(0);
    expect(snapshotDir(cwd)).toEqual({});
    expect(calls).toEqual([]);
    expect(stdout.text).toMatch(/^ {2}package\.json$/m);
    expect(stdout.text).toMatch(/^ {2}\.env\.local {2}\(generated secret, not shown\)$/m);
    expect(stdout.text).not.toMatch(/NEXTAUTH_SECRET=\S/);
    expect(stdout.text).toMatch(/Nothing was written/);
  });

  it("still refuses a non-empty target", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "dry"));
    writeFileSync(join(cwd, "dry/package.json"), "{}");
    const { env } = cliEnv({ argv: ["dry", ...FLAGS, "--dry-run"], cwd });
    expect(await runCli(env)).toBe(1);
  });
});

describe("a target that already has files", () => {
  const cases: [string, Record<string, string>, string[] | "allowed"][] = [
    ["user files are listed as conflicts", { "package.json": "{}", "src/index.ts": "x", "notes.txt": "n" }, ["notes.txt", "package.json", "src/"]],
    ["files the project would write conflict even if usually harmless", { ".gitignore": "mine\n", LICENSE: "MIT" }, [".gitignore"]],
    ["a repository, licence and editor folders are allowed", { ".git/HEAD": "ref: refs/heads/main\n", LICENSE: "MIT", ".idea/x.xml": "", "app.iml": "", ".DS_Store": "" }, "allowed"],
  ];
  it.each(cases)("%s", async (_name, files, expected) => {
    const cwd = tempDir();
    const dir = join(cwd, "target");
    for (const [path, contents] of Object.entries(files)) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), contents);
    }
    const before = snapshotDir(dir);
    const { env, stderr } = cliEnv({ argv: ["target", ...FLAGS], cwd });
    const code = await runCli(env);
    if (expected === "allowed") {
      expect(code).toBe(0);
      for (const [path, contents] of Object.entries(files)) expect(readFileSync(join(dir, path), "utf8")).toBe(contents);
      return;
    }
    expect(code).toBe(1);
    expect(stderr.text).toMatch(/already contains files that could conflict; nothing was written/);
    for (const conflict of expected) expect(stderr.text).toContain(`  - ${conflict}\n`);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("refuses a target that is a file", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "taken"), "x");
    const { env, stderr } = cliEnv({ argv: ["taken", ...FLAGS], cwd });
    expect(await runCli(env)).toBe(1);
    expect(stderr.text).toMatch(/not a directory/);
    expect(readFileSync(join(cwd, "taken"), "utf8")).toBe("x");
  });
});

describe("installing", () => {
  it("runs the package manager's install in the new project", async () => {
    const cwd = tempDir();
    const { exec, calls } = fakeExec((line, dir) => {
      if (line === "pnpm install") expect(dir).toBe(join(cwd, "app"));
      return ok();
    });
    const { env, stdout } = cliEnv({ argv: ["app", "--backend", "rest", "--session", "jwt", "--no-git"], cwd, exec });
    expect(await runCli(env)).toBe(0);
    expect(calls).toEqual(["pnpm install"]);
    expect(stdout.text).toMatch(/Installing dependencies with pnpm/);
    expect(stdout.text).toMatch(/installed in/);
  });

  const tooOld: [string, string[], string, string][] = [
    ["a JWT app on Node 20 is written but not installed, with the reason", ["--session", "jwt"], "20.20.0", "22.12"],
    ["a SQLite app on Node 22.12 is written but not installed, with the reason", ["--session", "db", "--db", "sqlite"], "22.12.0", "22.14"],
  ];
  it.each(tooOld)("%s", async (_name, flags, nodeVersion, floor) => {
    const cwd = tempDir();
    const { exec, calls } = fakeExec(() => ok());
    const { env, stdout, stderr } = cliEnv({ argv: ["app", "--backend", "rest", ...flags, "--no-git"], cwd, exec, nodeVersion });
    expect(await runCli(env)).toBe(0);
    expect(calls).toEqual([]);
    const reason = `this app needs Node.js ${floor} or newer (package.json "engines"), and this is Node.js ${nodeVersion}`;
    expect(stderr.text).toContain(`Not installing dependencies: ${reason}.`);
    expect(stderr.text).toContain("cd app && pnpm install");
    expect(stdout.text).toContain(`not installed: ${reason}`);
    expect(JSON.parse(readFileSync(join(cwd, "app/package.json"), "utf8")).engines).toEqual({ node: `>=${floor}` });
  });

  it("installs a SQLite app on Node 22.14, its floor", async () => {
    const cwd = tempDir();
    const { exec, calls } = fakeExec(() => ok());
    const argv = ["app", "--backend", "rest", "--session", "db", "--db", "sqlite", "--no-git"];
    const { env } = cliEnv({ argv, cwd, exec, nodeVersion: "22.14.0" });
    expect(await runCli(env)).toBe(0);
    expect(calls).toEqual(["pnpm install"]);
  });

  const failures: [string, () => ReturnType<typeof failed>, RegExp][] = [
    ["a failing install keeps the scaffold and prints the retry command", () => failed("ERR_PNPM_FETCH_404 left-pad not found"), /ERR_PNPM_FETCH_404/],
    ["a missing package manager keeps the scaffold and prints the retry command", () => notFound("pnpm"), /pnpm was not found on PATH/],
  ];
  it.each(failures)("%s", async (_name, result, message) => {
    const cwd = tempDir();
    const { exec } = fakeExec((line) => (line === "pnpm install" ? result() : ok()));
    const { env, stdout, stderr } = cliEnv({ argv: ["app", "--backend", "rest", "--session", "jwt", "--no-git"], cwd, exec });
    expect(await runCli(env)).toBe(1);
    expect(stderr.text).toMatch(message);
    expect(stderr.text).toContain("cd app && pnpm install");
    expect(stderr.text).toMatch(/The project itself is complete and was kept/);
    expect(existsSync(join(cwd, "app/package.json"))).toBe(true);
    expect(existsSync(join(cwd, "app/.env.local"))).toBe(true);
    expect(stdout.text).toMatch(/install failed/);
  });
});

describe("git", () => {
  const notARepo = failed("fatal: not a git repository", 128);
  const cases: [string, (line: string) => ReturnType<typeof ok>, RegExp, string[]][] = [
    ["commits the new project", (l) => (l === "git rev-parse --show-toplevel" ? notARepo : ok()), /initialised with an initial commit/, ["git --version", "git rev-parse --show-toplevel", "git init --quiet", "git add --all", "git rm --cached --quiet --ignore-unmatch -- .env.local", "git commit --quiet --message Initial commit from create-next-jwt-auth"]],
    ["skips when git is missing", () => notFound("git"), /skipped: git is not installed/, ["git --version"]],
    ["skips inside an existing work tree", (l) => (l === "git rev-parse --show-toplevel" ? ok("/monorepo") : ok("git version 2.39.5")), /skipped: already inside the git work tree \/monorepo/, ["git --version", "git rev-parse --show-toplevel"]],
  ];
  it.each(cases)("%s", async (_name, answer, message, expectedCalls) => {
    const cwd = tempDir();
    const { exec, calls } = fakeExec(answer);
    const { env, stdout } = cliEnv({ argv: ["app", "--backend", "rest", "--session", "jwt", "--no-install"], cwd, exec });
    expect(await runCli(env)).toBe(0);
    expect(stdout.text).toMatch(message);
    expect(calls).toEqual(expectedCalls);
  });

  it("removes the half-made .git when the commit fails and still succeeds", async () => {
    const cwd = tempDir();
    const { exec } = fakeExec((line, dir) => {
      if (line === "git rev-parse --show-toplevel") return failed("fatal: not a git repository", 128);
      if (line === "git init --quiet") mkdirSync(join(dir, ".git/objects"), { recursive: true });
      if (line.startsWith("git commit")) return failed("*** Please tell me who you are.\n\nfatal: unable to auto-detect email address", 128);
      return ok();
    });
    const { env, stdout, stderr } = cliEnv({ argv: ["app", "--backend", "rest", "--session", "jwt", "--no-install"], cwd, exec });
    expect(await runCli(env)).toBe(0);
    expect(existsSync(join(cwd, "app/.git"))).toBe(false);
    expect(existsSync(join(cwd, "app/package.json"))).toBe(true);
    expect(stderr.text).toMatch(/git commit failed: fatal: unable to auto-detect email address/);
    expect(stdout.text).toMatch(/no repository/);
  });
});

describe("inside a pnpm workspace", () => {
  it("installs the new project on its own and says why", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
    const { exec, calls } = fakeExec(() => ok());
    const { env, stdout } = cliEnv({ argv: ["apps/web", "--backend", "rest", "--session", "jwt", "--no-git"], cwd, exec });
    expect(await runCli(env)).toBe(0);
    expect(calls).toEqual(["pnpm install --ignore-workspace"]);
    expect(stdout.text).toContain(`inside the pnpm workspace at ${cwd}`);
  });

  it("prints the retry command with --ignore-workspace when that install fails", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "pnpm-workspace.yaml"), "packages: []\n");
    const { exec } = fakeExec(() => failed("network down"));
    const { env, stderr } = cliEnv({ argv: ["web", "--backend", "rest", "--session", "jwt", "--no-git"], cwd, exec });
    expect(await runCli(env)).toBe(1);
    expect(stderr.text).toContain("cd web && pnpm install --ignore-workspace");
  });

  it("leaves npm installs alone", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "pnpm-workspace.yaml"), "packages: []\n");
    const { exec, calls } = fakeExec(() => ok());
    const { env } = cliEnv({ argv: ["web", "--backend", "rest", "--session", "jwt", "--no-git", "--package-manager", "npm"], cwd, exec, env: { npm_config_user_agent: "npm/11.6.2 node/v20" } });
    expect(await runCli(env)).toBe(0);
    expect(calls).toEqual(["npm install"]);
  });
});
