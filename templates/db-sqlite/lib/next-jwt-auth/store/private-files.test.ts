// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTokenCipher } from "./crypto";
import { openSqliteStore } from "./sqlite-store";

const T0 = Date.UTC(2030, 0, 1);
let root: string;
let umask: number;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "private-files-"));
  // The usual umask, under which files would be 0644 and folders 0755.
  umask = process.umask(0o022);
});

afterEach(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

function mode(path: string): string {
  return (statSync(path).mode & 0o777).toString(8);
}

/** Modes of the folder, the database and its WAL side files. */
function modes(filename: string, folder: string): Record<string, string> {
  return {
    folder: mode(folder),
    db: mode(filename),
    wal: mode(`${filename}-wal`),
    shm: mode(`${filename}-shm`),
  };
}

const OWNER_ONLY = { folder: "700", db: "600", wal: "600", shm: "600" };

/** Open the store, write a session (so the WAL files exist) and keep it open while checking. */
async function withWrittenStore(filename: string, check: () => void): Promise<void> {
  const store = openSqliteStore({ filename, cipher: createTokenCipher("s"), migrate: "auto" });
  try {
    await store.create({
      user: { id: "u1", name: "U", email: "u@example.com" },
      tokens: { accessToken: "a", refreshToken: "r", accessTokenExpiresAt: T0 + 1 },
      now: T0,
      idleExpiresAt: T0 + 60_000,
      absoluteExpiresAt: T0 + 120_000,
    });
    check();
  } finally {
    await store.close();
  }
}

describe("the session database's file modes", () => {
  it("creates the folder readable by the owner only (0700) and the database, -wal and -shm 0600", async () => {
    const folder = join(root, ".data");
    const filename = join(folder, "sessions.db");
    await withWrittenStore(filename, () => expect(modes(filename, folder)).toEqual(OWNER_ONLY));
  });

  it("tightens a database and side files an earlier version left readable by others", async () => {
    const folder = join(root, ".data");
    mkdirSync(folder, { mode: 0o700 });
    const filename = join(folder, "sessions.db");
    const old = new Database(filename);
    old.pragma("journal_mode = WAL");
    old.exec("CREATE TABLE t (x)");
    for (const path of [filename, `${filename}-wal`, `${filename}-shm`]) chmodSync(path, 0o644);
    await withWrittenStore(filename, () => expect(modes(filename, folder)).toEqual(OWNER_ONLY));
    old.close();
  });

  it("leaves the mode of a folder that existed before alone", async () => {
    const folder = join(root, "shared");
    mkdirSync(folder, { mode: 0o755 });
    const filename = join(folder, "sessions.db");
    await withWrittenStore(filename, () => {
      expect(mode(folder)).toBe("755");
      expect(mode(filename)).toBe("600");
    });
  });

  it("gives the same modes when `db:migrate` creates the database", () => {
    const folder = join(root, "migrated");
    const filename = join(folder, "sessions.db");
    execFileSync(
      resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/db-migrate.ts"],
      { env: { ...process.env, DATABASE_URL: `file:${filename}` }, stdio: "pipe" },
    );
    expect(mode(folder)).toBe("700");
    expect(mode(filename)).toBe("600");
  });
});
