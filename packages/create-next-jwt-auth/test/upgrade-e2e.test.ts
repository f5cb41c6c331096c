import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { templatesRoot } from "../src/layers.js";
import { MANIFEST_PATH, parseManifest } from "../src/manifest.js";
import { renderApp } from "../src/upgrade/render-app.js";
import { tempDir } from "./helpers.js";
import { appOptions, git } from "./upgrade-helpers.js";

// The bundled CLI as users run it, in child processes: generate (with its own git
// commit), edit as a user does, commit, then upgrade to database sessions.
const BUNDLE = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const ENV = {
  ...process.env,
  npm_config_user_agent: "pnpm/10.34.9 npm/? node/v24.21.0 linux x64",
  NO_COLOR: "1",
  FORCE_COLOR: undefined,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Test User",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test User",
  GIT_COMMITTER_EMAIL: "test@example.com",
};

function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BUNDLE, ...args], { cwd, env: ENV, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

/**
 * A source file both the JWT and the database render have, and a line of the JWT
 * version the database version does not have: a user's edit of it must conflict.
 */
function lineTheSwitchChanges(): { path: string; line: string } {
  const jwt = renderApp(templatesRoot(), appOptions({ backend: "rest", session: "jwt", db: undefined })).files;
  const db = renderApp(templatesRoot(), appOptions({ backend: "rest", session: "db", db: "sqlite" })).files;
  for (const [path, bytes] of jwt) {
    if (!path.endsWith(".ts") || path.endsWith(".test.ts") || !db.has(path)) continue;
    const theirs = new Set(db.get(path)!.toString("utf8").split("\n"));
    const line = bytes.toString("utf8").split("\n").find((l) => l.trim().length > 10 && !theirs.has(l));
    if (line) return { path, line };
  }
  throw new Error("no source line differs between the jwt and db renders");
}

describe("the bundled CLI upgrades an app it generated", { timeout: 120_000 }, () => {
  it("switches a committed, edited JWT app to database sessions, keeping the edits and reporting the conflict", () => {
    const cwd = tempDir();
    const created = cli(cwd, "shop", "--backend", "rest", "--session", "jwt", "--no-install", "--yes");
    expect(created.code, created.output).toBe(0);
    const dir = join(cwd, "shop");
    expect(git(dir, "log", "--format=%s")).toBe("Initial commit from create-next-jwt-auth");

    // The user's changes: a note on the home page, a dependency, a page of their own,
    // and an edit of a line the switch to database sessions also changes.
    const { path: conflicting, line: switched } = lineTheSwitchChanges();
    writeFileSync(join(dir, "app/page.tsx"), `${read(dir, "app/page.tsx")}// my note\n`);
    const pkg = JSON.parse(read(dir, "package.json"));
    pkg.dependencies["left-pad"] = "1.3.0";
    writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
    writeFileSync(join(dir, "app/reports.tsx"), "export default function Reports() {\n  return null;\n}\n");
    writeFileSync(join(dir, conflicting), read(dir, conflicting).replace(switched, `${switched} // mine`));
    git(dir, "add", "--all");
    git(dir, "commit", "--quiet", "--message", "my changes");

    const dry = cli(dir, "upgrade", "--dry-run", "--session", "db");
    expect(dry.code, dry.output).toBe(0);
    expect(git(dir, "status", "--porcelain")).toBe("");

    const upgraded = cli(dir, "upgrade", "--no-install", "--session", "db");
    expect(upgraded.code, upgraded.output).toBe(3);
    expect(upgraded.output).toMatch(new RegExp(`^Conflicts to resolve \\(1\\): ${conflicting.replace(/[.[\]]/g, "\\$&")}$`, "m"));
    expect(upgraded.output).toMatch(/create-next-jwt-auth 0\.2\.0 → 0\.2\.0/);
    expect(upgraded.output).toMatch(/options: rest, jwt → rest, db sqlite/);
    expect(upgraded.output).toMatch(/everyone signs in again/);
    expect(upgraded.output).toMatch(/pnpm install --no-frozen-lockfile/);

    // The user's edits are there, the database layer is there, the manifest says db.
    expect(read(dir, "app/page.tsx")).toMatch(/\/\/ my note\n$/);
    expect(read(dir, "app/reports.tsx")).toContain("Reports");
    const after = JSON.parse(read(dir, "package.json"));
    expect(after.dependencies).toMatchObject({ "left-pad": "1.3.0", "better-sqlite3": expect.any(String) });
    expect(after.scripts["db:migrate"]).toBeDefined();
    expect(existsSync(join(dir, "scripts/db-migrate.ts"))).toBe(true);
    expect(parseManifest(read(dir, MANIFEST_PATH)).options).toMatchObject({ session: "db", db: "sqlite", name: "shop" });
    expect(read(dir, ".env.local")).toMatch(/^NEXTAUTH_SECRET=/m);

    // The edit of a line the switch changed is marked, with both versions.
    const text = read(dir, conflicting);
    const block = /^<<<<<<< yours\n([^]*?)^=======\n([^]*?)^>>>>>>> create-next-jwt-auth 0\.2\.0$/m.exec(text);
    expect(block?.[1]).toContain(`${switched} // mine\n`);
    expect(block?.[2]).not.toContain(switched);

    // Resolved (the new version taken) and committed, the upgraded app passes --check.
    writeFileSync(join(dir, conflicting), renderApp(templatesRoot(), { ...appOptions({ backend: "rest", session: "db", db: "sqlite" }), name: "shop" }).files.get(conflicting)!);
    git(dir, "add", "--all");
    git(dir, "commit", "--quiet", "--message", "upgrade");
    const check = cli(dir, "upgrade", "--check");
    expect(check.code, check.output).toBe(0);
  });
});
