import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { listMySessions } from "@/lib/auth/storage/user-sessions";
import { endOtherSessionsAction, endSessionAction } from "./actions";

export const metadata: Metadata = { title: "Your sessions" };
export const dynamic = "force-dynamic";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** Every browser signed in as this user, with the means to end the others. */
export default async function SessionsPage() {
  const sessions = await listMySessions();
  if (!sessions) {
    redirect(`/login?callbackUrl=${encodeURIComponent("/dashboard/sessions")}&reason=sign-in-required`);
  }
  const others = sessions.filter((s) => !s.current).length;

  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-6 py-12">
      <header className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Your sessions</h1>
        <Link href="/dashboard" className="text-sm underline">
          Back to the dashboard
        </Link>
      </header>

      <ul
        data-testid="session-list"
        className="divide-y divide-slate-200 rounded-md bg-white ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800"
      >
        {sessions.map((s) => (
          <li
            key={s.idHash}
            data-testid="session-row"
            className="flex items-center justify-between gap-4 px-4 py-3"
          >
            <div className="min-w-0">
              <p className="truncate font-medium">{s.userAgent ?? "Unknown device"}</p>
              <p className="text-sm text-slate-600 dark:text-slate-300">
                Signed in {when.format(s.createdAt)} · last seen {when.format(s.lastSeenAt)}
              </p>
            </div>
            {s.current ? (
              <span
                data-testid="current-session"
                className="text-sm font-medium text-emerald-700 dark:text-emerald-300"
              >
                This browser
              </span>
            ) : (
              <form action={endSessionAction}>
                <input type="hidden" name="idHash" value={s.idHash} />
                <button
                  type="submit"
                  className="rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800"
                >
                  Sign out
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>

      <form action={endOtherSessionsAction}>
        <button
          type="submit"
          disabled={others === 0}
          data-testid="sign-out-others"
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900"
        >
          Sign out everywhere else{others > 0 ? ` (${others})` : ""}
        </button>
      </form>
    </main>
  );
}
