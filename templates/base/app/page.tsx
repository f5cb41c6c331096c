import Link from "next/link";
import { peekSession } from "@/lib/next-jwt-auth/session/server-session";
import { primary, secondary } from "./status-page";

export default async function HomePage() {
  const session = await peekSession();
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col gap-6 px-4 py-16 sm:px-6 sm:py-24">
      <h1 className="text-3xl font-semibold">Welcome</h1>
      <p className="text-slate-600 dark:text-slate-300">
        This app signs you in against its backend. The backend&apos;s tokens stay on the server;
        your browser only holds an encrypted, HttpOnly session cookie.
      </p>
      {session ? (
        <p data-testid="home-signed-in" className="text-slate-700 dark:text-slate-200">
          You are signed in as <strong>{session.user.name}</strong>.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Link href="/dashboard" className={primary}>
          Go to the dashboard
        </Link>
        {session ? null : (
          <Link href="/login" className={secondary}>
            Sign in
          </Link>
        )}
      </div>
    </main>
  );
}
