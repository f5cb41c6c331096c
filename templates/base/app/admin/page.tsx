import type { Metadata } from "next";
import { requireSession } from "@/lib/next-jwt-auth/session/server-session";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

/**
 * A page only one role may open: app.config.ts lists it as
 * `{ path: "/admin", role: "admin" }`, so `requireSession` answers everyone
 * signed in without that role with the 403 page (app/forbidden.tsx).
 */
export default async function AdminPage() {
  const { user } = await requireSession("/admin");

  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <p className="text-slate-600 dark:text-slate-300">
        Only users with the role <code>admin</code> can open this page. The server checked your
        session before rendering it; the backend still checks every call you make.
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="text-slate-600 dark:text-slate-300">Your roles</dt>
        <dd data-testid="admin-roles">{user.roles.join(", ")}</dd>
      </dl>
    </main>
  );
}
