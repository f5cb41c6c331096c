import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 px-6 py-24">
      <h1 className="text-3xl font-semibold">Welcome</h1>
      <p className="text-slate-600 dark:text-slate-300">
        This app signs you in against its backend. The backend&apos;s tokens stay on the server;
        your browser only holds an encrypted, HttpOnly session cookie.
      </p>
      <div className="flex gap-3">
        <Link
          href="/dashboard"
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Go to the dashboard
        </Link>
        <Link
          href="/login"
          className="rounded-md px-4 py-2 font-medium text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50 dark:text-indigo-300 dark:ring-indigo-800 dark:hover:bg-indigo-950"
        >
          Sign in
        </Link>
      </div>
    </main>
  );
}
