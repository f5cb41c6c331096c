import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../src/errors.js";
import { MANAGED_DIR } from "../src/managed.js";
import { MANIFEST_PATH, parseManifest } from "../src/manifest.js";
import { templatesRoot } from "../src/layers.js";
import { renderApp } from "../src/upgrade/render-app.js";
import { upgrade } from "../src/upgrade/upgrade.js";
import { cliEnv, snapshotDir, tempDir } from "./helpers.js";
import { appOptions, commitAll, edit, generateApp, generateOlderApp, git, isolateGit, notPublished, runUpgrade } from "./upgrade-helpers.js";

isolateGit();

const JWT = { backend: "rest", session: "jwt", db: undefined } as const;
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The CliError code `upgrade` throws for these arguments, or "none". */
async function codeOf(cwd: string, argv: string[]): Promise<string> {
  const { env } = cliEnv({ argv: [], cwd, published: notPublished });
  try {
    await upgrade(env, argv);
    return "none";
  } catch (error) {
    return error instanceof CliError ? error.code : `not a CliError: ${String(error)}`;
  }
}

/** An app of an "older version" whose dashboard heading we changed since (the target has the current one). */
const OLDER_DASHBOARD = { "app/page.tsx": (text: string) => text.replace(/\n$/, "\n// older version's last line\n") };

describe("upgrade refuses before writing anything", () => {
  const cases: [string, (dir: string) => void | Promise<void>, string[], string][] = [
    ["a folder without package.json is not an app", () => {}, [], "UPGRADE_NOT_AN_APP"],
    ["uncommitted changes are refused", (dir) => edit(dir, "app/page.tsx", (t) => `${t}// wip\n`), [], "UPGRADE_DIRTY"],
    ["an untracked file is refused too", (dir) => writeFileSync(join(dir, "notes.txt"), "x"), [], "UPGRADE_DIRTY"],
    ["an app outside git is refused", (dir) => git(dir, "init", "--quiet"), [], "UPGRADE_NO_GIT"],
    ["--db on an app that stays on the JWT cookie is refused by the one rule book", () => {}, ["--db", "postgres"], "INVALID_COMBINATION"],
    ["another package manager is refused", () => {}, ["--package-manager", "npm"], "INVALID_OPTION"],
    ["an unknown flag is a usage error", () => {}, ["--force"], "USAGE"],
    ["--check with a switch is a usage error", () => {}, ["--check", "--session", "db"], "USAGE"],
    [
      "an app made by a newer version is refused",
      (dir) => {
        edit(dir, MANIFEST_PATH, (t) => t.replace(/"version": "[^"]+"/, '"version": "9.0.0"'));
        commitAll(dir);
      },
      [],
      "UPGRADE_NEWER_APP",
    ],
    [
      "an edited manifest is refused",
      (dir) => {
        edit(dir, MANIFEST_PATH, (t) => t.replace('"backend": "rest"', '"backend": "rails"'));
        commitAll(dir);
      },
      [],
      "MANIFEST_INVALID",
    ],
  ];
  it.each(cases)("%s", async (name, prepare, argv, code) => {
    const root = tempDir();
    const dir = join(root, "app");
    if (name.startsWith("a folder without")) mkdirSync(dir);
    else await generateApp(dir, JWT);
    if (name.startsWith("an app outside git")) {
      // A repository elsewhere; this app is not in it.
      await generateApp(join(root, "plain"), JWT, { commit: false });
      const before = snapshotDir(join(root, "plain"));
      expect(await codeOf(join(root, "plain"), [])).toBe(code);
      expect(snapshotDir(join(root, "plain"))).toEqual(before);
      return;
    }
    await prepare(dir);
    const before = snapshotDir(dir);
    expect(await codeOf(dir, argv)).toBe(code);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("refuses when an earlier run's .upgrade file is still there, and writes nothing", async () => {
    const dir = join(tempDir(), "app");
    // No manifest and no generator's commit: a changed file gets a .upgrade file.
    await generateApp(dir, JWT, { legacy: true, commit: false });
    edit(dir, "app/page.tsx", (t) => `${t}// mine\n`);
    writeFileSync(join(dir, "app/page.tsx.upgrade"), "from last time");
    git(dir, "init", "--quiet");
    commitAll(dir, "my first commit");
    const before = snapshotDir(dir);
    expect(await codeOf(dir, [])).toBe("UPGRADE_LEFTOVER");
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("writes nothing when rendering the new version fails", async () => {
    const dir = join(tempDir(), "app");
    await generateApp(dir, JWT);
    const before = snapshotDir(dir);
    const { env } = cliEnv({ argv: ["upgrade", "--session", "db"], cwd: dir, published: notPublished, templatesRoot: () => join(dir, "no-templates") });
    const { runCli } = await import("../src/cli.js");
    expect(await runCli(env)).toBe(1);
    expect(snapshotDir(dir)).toEqual(before);
  });
});

describe("upgrade --dry-run", () => {
  it("prints the plan, file by action, and writes nothing (even on a dirty tree)", async () => {
    // SQLite → PostgreSQL both adds and drops files (the JWT cookie → a database only adds).
    const sqlite = { backend: "rest", session: "db", db: "sqlite" } as const;
    const dir = join(tempDir(), "app");
    await generateApp(dir, sqlite);
    edit(dir, "app/page.tsx", (t) => `${t}// wip\n`);
    const before = snapshotDir(dir);
    const result = await runUpgrade(dir, ["--dry-run", "--db", "postgres"]);
    expect(result.code).toBe(0);
    expect(snapshotDir(dir)).toEqual(before);
    const from = renderApp(templatesRoot(), appOptions(sqlite)).files;
    const to = renderApp(templatesRoot(), appOptions({ ...sqlite, db: "postgres" })).files;
    const added = [...to.keys()].filter((path) => !from.has(path));
    const dropped = [...from.keys()].filter((path) => !to.has(path));
    expect(added.length * dropped.length).toBeGreaterThan(0);
    for (const path of added) expect(result.stdout).toMatch(new RegExp(`^ {2}add +${escape(path)}$`, "m"));
    for (const path of dropped) expect(result.stdout).toMatch(new RegExp(`^ {2}delete +${escape(path)}$`, "m"));
    expect(result.stdout).toMatch(/^ {2}update +package\.json$/m);
    expect(result.stdout).toMatch(/^ {2}keep +app\/page\.tsx$/m);
    expect(result.stdout).toContain("No conflicts.");
    expect(result.stdout).toContain("Dry run: nothing was written.");
  });
});

describe("upgrade", () => {
  it("says an app already current is up to date and changes nothing", async () => {
    const dir = join(tempDir(), "app");
    await generateApp(dir, JWT);
    const before = snapshotDir(dir);
    const result = await runUpgrade(dir, ["--no-install"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Already up to date");
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("switches a JWT app to database sessions: the result is a fresh db app plus the user's changes", async () => {
    const root = tempDir();
    const dir = join(root, "app");
    await generateApp(dir, JWT);
    edit(dir, "app/page.tsx", (t) => `${t}// my note\n`);
    edit(dir, "package.json", (t) => t.replace('"dependencies": {', '"dependencies": {\n    "left-pad": "1.3.0",'));
    commitAll(dir);
    const result = await runUpgrade(dir, ["--no-install", "--session", "db"]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain("No conflicts.");
    expect(result.stdout).toMatch(/everyone signs in again/);
    expect(result.stdout).toMatch(/pnpm db:migrate/);
    expect(result.stdout).toMatch(/pnpm install --no-frozen-lockfile/);

    const fresh = join(root, "fresh");
    await generateApp(fresh, { backend: "rest", session: "db", db: "sqlite" }, { commit: false });
    const mine = snapshotDir(dir);
    const theirs = snapshotDir(fresh);
    delete mine[".git/"];
    const differing = Object.keys({ ...mine, ...theirs }).filter((path) => !path.startsWith(".git/") && mine[path] !== theirs[path]);
    expect(differing.sort()).toEqual([".env.local", "app/page.tsx", "package.json"]);
    expect(read(dir, "app/page.tsx")).toBe(`${read(fresh, "app/page.tsx")}// my note\n`);
    const pkg = JSON.parse(read(dir, "package.json"));
    expect(pkg.dependencies["left-pad"]).toBe("1.3.0");
    expect(pkg.dependencies["better-sqlite3"]).toBe(JSON.parse(read(fresh, "package.json")).dependencies["better-sqlite3"]);
    expect(parseManifest(read(dir, MANIFEST_PATH)).options).toMatchObject({ session: "db", db: "sqlite" });
    expect(read(dir, MANIFEST_PATH)).toBe(read(fresh, MANIFEST_PATH));
  });

  it("moving a SQLite app to PostgreSQL says that sessions end and which variable .env.local lacks", async () => {
    const dir = join(tempDir(), "app");
    await generateApp(dir, { backend: "nestjs", session: "db", db: "sqlite" });
    const result = await runUpgrade(dir, ["--no-install", "--db", "postgres"]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/options: nestjs, db sqlite → nestjs, db postgres/);
    expect(result.stdout).toMatch(/Sessions are not copied from sqlite to postgres: they simply end/);
    expect(result.stdout).toMatch(/Set DATABASE_URL in \.env\.local to your PostgreSQL database/);
    expect(result.stdout).toMatch(/\.env\.local does not set DATABASE_URL\b/);
    expect(result.stdout).toMatch(/pnpm db:migrate/);
    expect(read(dir, ".env.local")).not.toMatch(/^DATABASE_URL=/m);
  });

  it("merges the user's change with the new version's, taking the base from git history", async () => {
    const dir = join(tempDir(), "app");
    // The older version lacked the last line of app/page.tsx's current text.
    await generateOlderApp(dir, JWT, { "app/page.tsx": (t) => t.replace(/\n([^\n]*)\n$/, "\n// older\n") });
    edit(dir, "app/page.tsx", (t) => `// mine\n${t}`);
    commitAll(dir);
    const result = await runUpgrade(dir, ["--no-install"]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/base: .*from git history/);
    expect(result.stdout).toMatch(/npm pack create-next-jwt-auth@0\.1\.0 failed/);
    expect(result.stdout).toMatch(/^ {2}merge +app\/page\.tsx$/m);
    const fresh = tempDir();
    await generateApp(fresh, JWT, { commit: false });
    expect(read(dir, "app/page.tsx")).toBe(`// mine\n${read(fresh, "app/page.tsx")}`);
  });

  it("finds nothing to do when run again after its result was committed", async () => {
    const dir = join(tempDir(), "app");
    await generateOlderApp(dir, JWT, { "app/page.tsx": (t) => t.replace(/\n([^\n]*)\n$/, "\n// older\n") });
    edit(dir, "app/page.tsx", (t) => `// mine\n${t}`);
    commitAll(dir);
    expect((await runUpgrade(dir, ["--no-install", "--session", "db"])).code).toBe(0);
    commitAll(dir, "upgrade");
    const before = snapshotDir(dir);
    const again = await runUpgrade(dir, ["--no-install"]);
    expect(again.code, again.output).toBe(0);
    expect(again.stdout).toContain("Already up to date");
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("writes conflict markers, lists the file and exits 3 when both changed the same lines", async () => {
    const dir = join(tempDir(), "app");
    await generateOlderApp(dir, JWT, OLDER_DASHBOARD);
    edit(dir, "app/page.tsx", (t) => t.replace("// older version's last line", "// my last line"));
    commitAll(dir);
    const result = await runUpgrade(dir, ["--no-install"]);
    expect(result.code, result.output).toBe(3);
    expect(result.stdout).toContain("Conflicts to resolve (1): app/page.tsx");
    expect(read(dir, "app/page.tsx")).toMatch(/<<<<<<< yours\n\/\/ my last line\n=======\n>>>>>>> create-next-jwt-auth 0\.2\.0\n$/);
  });

  it("falls back to two-way without a base: a changed file gets the new version beside it as .upgrade", async () => {
    const dir = join(tempDir(), "app");
    await generateApp(dir, JWT, { legacy: true, commit: false });
    edit(dir, "app/page.tsx", (t) => `${t}// mine\n`);
    const mine = read(dir, "app/page.tsx");
    const result = await runUpgrade(dir, ["--no-install", "--allow-dirty"]);
    expect(result.code, result.output).toBe(3);
    expect(result.stdout).toContain("Conflicts to resolve (1): app/page.tsx.upgrade");
    expect(read(dir, "app/page.tsx")).toBe(mine);
    expect(read(dir, "app/page.tsx.upgrade")).toBe(mine.replace(/\/\/ mine\n$/, ""));
    expect(existsSync(join(dir, MANIFEST_PATH))).toBe(true);
  });

  it("upgrades an app made before the manifest existed: options from its files, base from its initial commit", async () => {
    const dir = join(tempDir(), "app");
    await generateOlderApp(dir, { backend: "nestjs", session: "db", db: "postgres" }, OLDER_DASHBOARD, { legacy: true });
    edit(dir, "app/page.tsx", (t) => `// mine\n${t}`);
    commitAll(dir);
    const result = await runUpgrade(dir, ["--no-install"]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/0\.1\.0 → 0\.2\.0/);
    expect(result.stdout).toMatch(/options: nestjs, db postgres\n/);
    expect(result.stdout).toMatch(/base: \d+ from git history/);
    expect(read(dir, "app/page.tsx")).not.toContain("older version");
    expect(read(dir, "app/page.tsx")).toMatch(/^\/\/ mine\n/);
    expect(parseManifest(read(dir, MANIFEST_PATH)).options).toMatchObject({ backend: "nestjs", session: "db", db: "postgres", packageManager: "pnpm" });
  });

  it("carries the user's change of a file the new version moved to its new place, and the user's imports of it", async () => {
    const dir = join(tempDir(), "app");
    const moved = [...renderApp(templatesRoot(), appOptions(JWT)).files.keys()].find((path) => path.startsWith(MANAGED_DIR) && path.endsWith("cookies.ts"))!;
    const old = `lib/auth/${moved.split("/").at(-1)}`;
    // The older version had the file at lib/auth/, without the managed marker.
    await generateOlderApp(dir, JWT, { [moved]: () => "", [old]: (_text, render) => render(moved).replace(/^\/\/ Maintained by[^\n]*\n/, "") });
    edit(dir, old, (t) => `${t}// patched by me\n`);
    // A page of the user's imports the file from its old place.
    const specifier = `@/${old.replace(/\.ts$/, "")}`;
    mkdirSync(join(dir, "app/reports"));
    writeFileSync(join(dir, "app/reports/page.tsx"), `import * as cookies from "${specifier}";\nimport { x } from "@/lib/auth/cookies-extra";\n`);
    commitAll(dir);
    const result = await runUpgrade(dir, ["--no-install"]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^ {2}merge +${escape(moved)}\n +moved from ${escape(old)}`, "m"));
    expect(existsSync(join(dir, old))).toBe(false);
    expect(read(dir, moved)).toMatch(/^\/\/ Maintained by create-next-jwt-auth[^]*\/\/ patched by me\n$/);
    expect(result.stdout).toMatch(/^ {2}imports +app\/reports\/page\.tsx\n +1 import of moved files updated$/m);
    expect(read(dir, "app/reports/page.tsx")).toBe(
      `import * as cookies from "@/${moved.replace(/\.ts$/, "")}";\nimport { x } from "@/lib/auth/cookies-extra";\n`,
    );
  });

  it("never writes through a symbolic link", async () => {
    const root = tempDir();
    const dir = join(root, "app");
    await generateOlderApp(dir, JWT, OLDER_DASHBOARD);
    writeFileSync(join(root, "outside.tsx"), "outside\n");
    git(dir, "rm", "--quiet", "app/page.tsx");
    symlinkSync(join(root, "outside.tsx"), join(dir, "app/page.tsx"));
    commitAll(dir);
    const result = await runUpgrade(dir, ["--no-install"]);
    expect(result.stdout).toMatch(/^ {2}blocked +app\/page\.tsx$/m);
    expect(readFileSync(join(root, "outside.tsx"), "utf8")).toBe("outside\n");
    expect(result.code).toBe(3);
  });
});

describe("the upgrade word", () => {
  it("selects the upgrade command only as the first argument; ./upgrade creates a project named upgrade", async () => {
    const cwd = tempDir();
    const { env } = cliEnv({ argv: ["./upgrade", "--backend", "rest", "--session", "jwt", "--no-install", "--no-git"], cwd });
    const { runCli } = await import("../src/cli.js");
    expect(await runCli(env)).toBe(0);
    expect(JSON.parse(read(join(cwd, "upgrade"), "package.json")).name).toBe("upgrade");
  });
});

describe("upgrade --check", () => {
  it("passes on an app this version generated", async () => {
    const dir = join(tempDir(), "app");
    await generateApp(dir, JWT);
    const result = await runUpgrade(dir, ["--check"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Up to date/);
  });

  it("fails on an app an older version generated, saying so", async () => {
    const dir = join(tempDir(), "app");
    await generateOlderApp(dir, JWT, {});
    const result = await runUpgrade(dir, ["--check"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^outdated +generated by create-next-jwt-auth 0\.1\.0, older than 0\.2\.0/m);
    expect(await codeOf(dir, ["--check"])).toBe("UPGRADE_CHECK_FAILED");
  });

  it("fails on an app without a manifest", async () => {
    const dir = join(tempDir(), "app");
    await generateApp(dir, JWT, { legacy: true });
    expect(await codeOf(dir, ["--check"])).toBe("UPGRADE_CHECK_FAILED");
  });
});
