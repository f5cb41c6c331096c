import Link from "next/link";
import { mayOpen } from "@/lib/next-jwt-auth/session/roles";
import { peekSession } from "@/lib/next-jwt-auth/session/server-session";
import { APP_NAME } from "./app-name";
import { SignOutButton } from "./sign-out-button";

const navLink =
  "rounded-sm text-slate-600 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-slate-300 dark:focus-visible:outline-indigo-400";

/** The app's name, and who is signed in with the means to sign out. */
export async function SiteHeader() {
  const session = await peekSession();
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link
          href="/"
          className="rounded-sm font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400"
        >
          {APP_NAME}
        </Link>
        {session ? (
          <div className="flex min-w-0 items-center gap-3 text-sm">
            {/* A link only: the admin page's own requireSession() refuses everyone else. */}
            {mayOpen(session.user, "/admin") ? (
              <Link href="/admin" className={navLink}>
                Admin
              </Link>
            ) : null}
            <Link href="/account" className={`truncate ${navLink}`}>
              <span className="sr-only">Signed in as </span>
              <span data-testid="header-user">{session.user.name}</span>
            </Link>
            <SignOutButton />
          </div>
        ) : null}
      </div>
    </header>
  );
}
