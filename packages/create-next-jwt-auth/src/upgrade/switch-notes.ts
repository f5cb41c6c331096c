import { runScript } from "../context.js";
import type { ManifestOptions } from "../manifest.js";
import { DATABASE_LABELS } from "../options.js";

/**
 * What changing the session storage or the backend means for a running app, in
 * sentences for the summary. Existing sessions are never migrated: a JWT cookie
 * is not a database row, and rows are not moved between databases, so they end
 * and users sign in again (the same as after a secret rotation).
 */
export function switchNotes(from: ManifestOptions, to: ManifestOptions): string[] {
  const pm = to.packageManager;
  const notes: string[] = [];
  const migrate = `The session tables are created on first use; \`${runScript(pm, "db:migrate")}\` creates them ahead of time (for deploys that migrate first).`;
  if (from.session === "jwt" && to.session === "db") {
    notes.push(
      `Sessions move from the JWT cookie to the ${DATABASE_LABELS[to.db!]} database: existing cookies are not read any more, so everyone signs in again once.`,
      migrate,
    );
  } else if (from.session === "db" && to.session === "jwt") {
    notes.push(
      "Sessions move from the database to the JWT cookie: existing database sessions end and everyone signs in again once; the session database is no longer used (drop it when you are sure).",
    );
  } else if (from.session === "db" && to.session === "db" && from.db !== to.db) {
    notes.push(
      `Sessions are not copied from ${from.db} to ${to.db}: they simply end, and everyone signs in again once. Revocation lists and sign-in throttling start empty too.`,
      migrate,
    );
  }
  if (to.db === "postgres" && from.db !== "postgres") {
    notes.push("Set DATABASE_URL in .env.local to your PostgreSQL database (.env.example shows the form).");
  }
  if (from.backend !== to.backend) {
    notes.push(`The backend is now ${to.backend}: set its variables in .env.local (.env.example documents them).`);
  }
  return notes;
}
