import Link from "next/link";
import type { ReactNode } from "react";

const focusRing =
  "rounded-md px-4 py-2 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400";
/** The app's two kinds of button (and button-like link), also on the home page. */
export const primary = `${focusRing} bg-indigo-600 text-white hover:bg-indigo-500`;
export const secondary = `${focusRing} text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50 dark:text-indigo-300 dark:ring-indigo-800 dark:hover:bg-indigo-950`;

/**
 * The frame of the not-found, forbidden and error pages: a heading, a sentence
 * and a way on: the home page, after "Try again" when the page can `retry`.
 */
export function StatusPage({
  title,
  children,
  retry,
}: {
  title: string;
  children: ReactNode;
  retry?: (() => void) | undefined;
}) {
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col gap-4 px-4 py-16 sm:px-6 sm:py-24">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="text-slate-600 dark:text-slate-300">{children}</div>
      <div className="flex flex-wrap gap-3">
        {retry ? (
          <button type="button" onClick={retry} className={primary}>
            Try again
          </button>
        ) : null}
        <Link href="/" className={retry ? secondary : primary}>
          Go to the home page
        </Link>
      </div>
    </main>
  );
}
