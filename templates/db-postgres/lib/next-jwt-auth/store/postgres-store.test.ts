// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { randomBytes } from "node:crypto";
import { createServer, type Socket } from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTokenCipher } from "./crypto";
import { describeLoginAttemptStoreContract } from "./login-attempts-contract";
import { openPostgresStore } from "./postgres-store";
import { describeSessionStoreContract, type StoreHarness } from "./store-contract";
import { SessionStoreUnavailableError, type SessionStore } from "./types";

const url = process.env.DATABASE_URL_TEST;
const HOW_TO =
  "The PostgreSQL store tests need a database: set DATABASE_URL_TEST, e.g. " +
  "DATABASE_URL_TEST=postgres://postgres@127.0.0.1:5432/test (each run works in its own schema and drops it).";

// One schema per test, named per process, so parallel runs on one database never collide.
const runId = `${process.pid}_${randomBytes(4).toString("hex")}`;
let counter = 0;

async function adminQuery(connectionString: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function postgresHarness(connectionString: string) {
  return async (): Promise<StoreHarness> => {
    counter += 1;
    const schema = `store_test_${runId}_${counter}`;
    await adminQuery(connectionString, `CREATE SCHEMA ${schema}`);
    const opened: SessionStore[] = [];
    return {
      async open(secrets) {
        const store = openPostgresStore({
          connectionString,
          schema,
          cipher: createTokenCipher(secrets),
          migrate: "auto",
        });
        opened.push(store);
        return store;
      },
      async dump() {
        const client = new pg.Client({ connectionString });
        await client.connect();
        try {
          const { rows: tables } = await client.query<{ table_name: string }>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = $1",
            [schema],
          );
          const dumps = [];
          for (const { table_name } of tables) {
            dumps.push((await client.query(`SELECT * FROM ${schema}."${table_name}"`)).rows);
          }
          return JSON.stringify(dumps);
        } finally {
          await client.end();
        }
      },
      async dispose() {
        await Promise.all(opened.map((store) => store.close()));
        await adminQuery(connectionString, `DROP SCHEMA ${schema} CASCADE`);
      },
    };
  };
}

if (url) {
  describeSessionStoreContract("PostgreSQL", postgresHarness(url));
  describeLoginAttemptStoreContract("PostgreSQL", postgresHarness(url));
  describe("PostgreSQL session store migrations", () => {
    const connectionString = url;
    it("refuses an outdated schema when migrations are manual, with the command to run", async () => {
      const schema = `store_test_${runId}_manual`;
      await adminQuery(connectionString, `CREATE SCHEMA ${schema}`);
      const store = openPostgresStore({
        connectionString: connectionString,
        schema,
        cipher: createTokenCipher("s"),
        migrate: "manual",
      });
      await expect(store.get("A".repeat(43), Date.now())).rejects.toThrow(/db:migrate/);
      await store.close();
      await adminQuery(connectionString, `DROP SCHEMA ${schema} CASCADE`);
    });
  });
} else {
  describe("PostgreSQL session store contract", () => {
    it("needs DATABASE_URL_TEST", () => {
      throw new Error(HOW_TO);
    });
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("PostgreSQL session store", () => {
  it("answers a database that is down with SessionStoreUnavailableError quickly, sessions and login attempts alike, never a hang", async () => {
    const port = await closedPort();
    const store = openPostgresStore({
      connectionString: `postgres://nobody@127.0.0.1:${port}/none`,
      cipher: createTokenCipher("s"),
      migrate: "auto",
      timeoutMs: 500,
    });
    const started = Date.now();
    await expect(store.get("A".repeat(43), Date.now())).rejects.toBeInstanceOf(
      SessionStoreUnavailableError,
    );
    await expect(store.loginAttempts.recordFailure("user:u", Date.now())).rejects.toBeInstanceOf(
      SessionStoreUnavailableError,
    );
    await expect(store.loginAttempts.get("user:u")).rejects.toBeInstanceOf(
      SessionStoreUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    await store.close();
  });

  it("answers a server that accepts but never replies within the timeout", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    const store = openPostgresStore({
      connectionString: `postgres://nobody@127.0.0.1:${port}/none`,
      cipher: createTokenCipher("s"),
      migrate: "auto",
      timeoutMs: 300,
    });
    const started = Date.now();
    await expect(store.get("A".repeat(43), Date.now())).rejects.toBeInstanceOf(
      SessionStoreUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    await store.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
});
