// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { env } from "@/lib/next-jwt-auth/config/env";
import { isBuiltInMockInDevelopment } from "./built-in-mock";

/**
 * The built-in mock's demo login, for the login page: shown only in
 * development while the app talks to the mock, never in production.
 */
export function BuiltInMockHint() {
  if (!isBuiltInMockInDevelopment(env().BACKEND_URL)) return null;
  return (
    <aside
      aria-label="Demo login"
      data-testid="demo-credentials"
      className="rounded-xl px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200 dark:text-slate-300 dark:ring-slate-800"
    >
      The built-in mock backend is running: sign in as <code>demo</code> with the password{" "}
      <code>demo-password</code>. This hint shows only in development, against the mock.
    </aside>
  );
}
