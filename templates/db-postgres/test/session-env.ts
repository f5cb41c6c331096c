import { randomBytes } from "node:crypto";
import pg from "pg";

const HOW_TO =
  "These tests need a PostgreSQL database: set DATABASE_URL_TEST, e.g. " +
  "DATABASE_URL_TEST=postgres://postgres@127.0.0.1:5432/test (each run works in schemas of its own).";

/**
 * Variables that give an in-process test a session database of its own: a
 * fresh schema in `DATABASE_URL_TEST`, never the app's own database. The
 * schema is left behind (named `test_<name>_…`); the store tests drop theirs.
 */
export async function isolatedSessionEnv(name: string): Promise<Record<string, string>> {
  const url = process.env.DATABASE_URL_TEST;
  if (!url) throw new Error(HOW_TO);
  const schema = `test_${name.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  const scoped = new URL(url);
  scoped.searchParams.set("options", `-c search_path=${schema}`);
  return { DATABASE_URL: scoped.toString() };
}
