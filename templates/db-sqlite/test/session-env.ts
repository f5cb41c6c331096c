import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Variables that give an in-process test a session database of its own (a
 * fresh SQLite file), never the app's development one.
 */
export function isolatedSessionEnv(name: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  return Promise.resolve({ DATABASE_URL: `file:${join(dir, "sessions.db")}` });
}
