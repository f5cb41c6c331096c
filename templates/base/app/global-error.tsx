"use client";

import { environmentProblem } from "@/lib/next-jwt-auth/config/env-problem";
import "./globals.css";

/**
 * When the root layout itself fails: it replaces the whole document, so it
 * brings its own `<html>` and `<body>` (and no app shell, which may be what failed).
 */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const problem = environmentProblem(error, process.env.NODE_ENV);
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <main className="mx-auto flex w-full max-w-xl flex-col gap-4 px-4 py-16 sm:px-6 sm:py-24">
          <h1 className="text-2xl font-semibold">
            {problem ? "The app's settings are invalid" : "Something went wrong"}
          </h1>
          <p className="text-slate-600 dark:text-slate-300">
            {problem
              ? "Fix these variables in .env.local; the development server picks the change up."
              : "The app could not be shown. Please try again in a moment."}
          </p>
          {problem ? (
            <pre className="text-sm break-words whitespace-pre-wrap">{problem}</pre>
          ) : null}
          {error.digest ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">
              Reference for the server log: <code>{error.digest}</code>
            </p>
          ) : null}
          <div>
            <button
              type="button"
              onClick={reset}
              className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
