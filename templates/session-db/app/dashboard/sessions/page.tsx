import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/lib/next-jwt-auth/session/server-session";
import { describeUserAgent } from "@/lib/next-jwt-auth/storage/device";
import { listMySessions } from "@/lib/next-jwt-auth/storage/user-sessions";
import { endOtherSessionsAction, endSessionAction } from "./actions";

export const metadata: Metadata = { title: "Your sessions" };
export const dynamic = "force-dynamic";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** Every browser signed in as this user, with the means to end the others. */
export default async function SessionsPage() {
  // The data-access check, as on every protected page; the list is empty only
  // if the session ended in between.
  await requireSession("/dashboard/sessions");
  const sessions = (await listMySessions()) ?? [];
  const others = sessions.filter((s) => !s.current).length;
  const button =
    "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400";

  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Your sessions</h1>
        <Link
          href="/dashboard"
          className="rounded-sm text-sm underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400"
        >
          Back to the dashboard
        </Link>
      </div>

      <ul
        data-testid="session-list"
        className="divide-y divide-slate-200 rounded-md bg-white ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800"
      >
        {sessions.map((s) => {
          const device = describeUserAgent(s.userAgent);
          return (
            <li
              key={s.idHash}
              data-testid="session-row"
              className="flex items-center justify-between gap-4 px-4 py-3"
            >
              <div className="min-w-0">
                <p className="font-medium" data-testid="session-browser">
                  {device.browser}
                  {device.os ? ` on ${device.os}` : ""}
                </p>
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  {device.device ? `${device.device} · ` : ""}
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
                    className={`${button} ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800`}
                  >
                    Sign out<span className="sr-only"> {device.browser}</span>
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>

      {others > 0 ? (
        // A confirmation step that needs no JavaScript: the disclosure opens, the form confirms.
        <details className="group flex flex-col gap-3">
          <summary
            data-testid="sign-out-others"
            className={`${button} w-fit cursor-pointer list-none bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900`}
          >
            Sign out everywhere else ({others})
          </summary>
          <form
            action={endOtherSessionsAction}
            className="mt-3 flex flex-wrap items-center gap-3 rounded-md bg-white p-4 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
          >
            <p className="text-sm">
              Sign out {others === 1 ? "the other session" : `all ${others} other sessions`}? They
              will have to sign in again.
            </p>
            <button
              type="submit"
              data-testid="confirm-sign-out-others"
              className={`${button} bg-red-700 text-white hover:bg-red-600 dark:bg-red-600 dark:hover:bg-red-500`}
            >
              Yes, sign {others === 1 ? "it" : "them"} out
            </button>
          </form>
        </details>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          This browser is the only one signed in.
        </p>
      )}
    </main>
  );
}
