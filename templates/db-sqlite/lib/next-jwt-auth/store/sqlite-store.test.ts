// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createTokenCipher } from "./crypto";
import { describeLoginAttemptStoreContract } from "./login-attempts-contract";
import { LATEST_SCHEMA_VERSION } from "./migrations";
import { openSqliteStore } from "./sqlite-store";
import { describeSessionStoreContract, type StoreHarness } from "./store-contract";
import { SessionStoreUnavailableError, type SessionStore } from "./types";

async function sqliteHarness(): Promise<StoreHarness> {
  const dir = mkdtempSync(join(tmpdir(), "session-store-"));
  const filename = join(dir, "nested", "sessions.db");
  const opened: SessionStore[] = [];
  return {
    async open(secrets) {
      const store = openSqliteStore({
        filename,
        cipher: createTokenCipher(secrets),
        migrate: "auto",
      });
      opened.push(store);
      return store;
    },
    async dump() {
      const db = new Database(filename, { readonly: true });
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[];
        return JSON.stringify(
          tables.map(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all()),
        );
      } finally {
        db.close();
      }
    },
    async dispose() {
      await Promise.all(opened.map((store) => store.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeSessionStoreContract("SQLite", sqliteHarness);
describeLoginAttemptStoreContract("SQLite", sqliteHarness);

describe("SQLite session store", () => {
  const T0 = Date.UTC(2030, 0, 1);
  const input = {
    user: { id: "u1", name: "U" },
    tokens: {
      accessToken: "plain-access-token-1234",
      refreshToken: "plain-refresh-token-5678",
      accessTokenExpiresAt: T0 + 1,
    },
    now: T0,
    idleExpiresAt: T0 + 60_000,
    absoluteExpiresAt: T0 + 120_000,
  };

  it("keeps neither the session id nor a token anywhere in the database files, WAL included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "session-store-"));
    const filename = join(dir, "sessions.db");
    const store = openSqliteStore({ filename, cipher: createTokenCipher("s"), migrate: "auto" });
    const { sessionId } = await store.create(input);
    const bytes = ["", "-wal"]
      .map((suffix) => filename + suffix)
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file).toString("latin1"))
      .join("");
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    expect(bytes.length).toBeGreaterThan(0);
    for (const secret of [sessionId, input.tokens.accessToken, input.tokens.refreshToken]) {
      expect(bytes).not.toContain(secret);
    }
  });

  it("runs in WAL mode so readers never wait for a writer", () => {
    const dir = mkdtempSync(join(tmpdir(), "session-store-"));
    const filename = join(dir, "sessions.db");
    openSqliteStore({ filename, cipher: createTokenCipher("s"), migrate: "auto" });
    const db = new Database(filename);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reports a database locked longer than the busy timeout as unavailable, for sessions and login attempts, and loses nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "session-store-"));
    const filename = join(dir, "sessions.db");
    const store = openSqliteStore({
      filename,
      cipher: createTokenCipher("s"),
      migrate: "auto",
      busyTimeoutMs: 50,
    });
    const { sessionId } = await store.create(input);
    const locker = new Database(filename);
    locker.exec("BEGIN EXCLUSIVE");
    const started = Date.now();
    await expect(store.create(input)).rejects.toBeInstanceOf(SessionStoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(store.loginAttempts.recordFailure("user:u", T0)).rejects.toBeInstanceOf(
      SessionStoreUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    locker.exec("ROLLBACK");
    locker.close();
    expect(await store.get(sessionId, T0)).not.toBeNull();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("migrates a database at schema version 1 forward, keeping its sessions", async () => {
    const dir = mkdtempSync(join(tmpdir(), "session-store-"));
    const filename = join(dir, "sessions.db");
    const cipher = createTokenCipher("s");
    const before = openSqliteStore({ filename, cipher, migrate: "auto" });
    const { sessionId } = await before.create(input);
    await before.close();
    // Take the file back to what version 1 left: no login_attempts table, no version 2 row.
    const raw = new Database(filename);
    raw.exec("DROP TABLE login_attempts");
    raw.exec("DELETE FROM schema_version WHERE version > 1");
    raw.close();

    expect(() => openSqliteStore({ filename, cipher, migrate: "manual" })).toThrow(/db:migrate/);
    const after = openSqliteStore({ filename, cipher, migrate: "auto" });
    expect(await after.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(await after.get(sessionId, T0)).not.toBeNull();
    expect((await after.loginAttempts.recordFailure("user:u", T0)).failures).toBe(1);
    await after.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an outdated schema when migrations are manual", () => {
    const dir = mkdtempSync(join(tmpdir(), "session-store-"));
    expect(() =>
      openSqliteStore({
        filename: join(dir, "s.db"),
        cipher: createTokenCipher("s"),
        migrate: "manual",
      }),
    ).toThrow(/db:migrate/);
    rmSync(dir, { recursive: true, force: true });
  });
});
