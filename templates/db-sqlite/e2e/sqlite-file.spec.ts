import { stat } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { e2eDatabaseEnv, E2E_SQLITE_URL } from "./database";
import { resetMock, signIn } from "./helpers";

test.beforeEach(async () => {
  await resetMock();
});

/** A file's modification time, or null when it does not exist. */
async function modified(path: string): Promise<number | null> {
  return stat(path).then(
    (s) => s.mtimeMs,
    () => null,
  );
}

test("the suite keeps its sessions out of the development database", async ({ page }) => {
  // SQLite writes into its write-ahead log first: watch both files.
  const development = [".data/sessions.db", ".data/sessions.db-wal"];
  const before = await Promise.all(development.map(modified));
  await signIn(page);
  expect(await Promise.all(development.map(modified))).toEqual(before);
  if (e2eDatabaseEnv().DATABASE_URL === E2E_SQLITE_URL) {
    expect(await modified(E2E_SQLITE_URL.slice("file:".length))).not.toBeNull();
  }
});
