import Link from "next/link";
import type { ReactNode } from "react";

/** Classes of the main action on those pages (a link or a button). */
export const statusActionClass =
  "rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400";

/**
 * The frame of the not-found, forbidden and error pages: a heading, a sentence
 * and a way on, by default the home page.
 */
export function StatusPage({
  title,
  children,
  actions = (
    <Link href="/" className={statusActionClass}>
      Go to the home page
    </Link>
  ),
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col gap-4 px-4 py-16 sm:px-6 sm:py-24">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="text-slate-600 dark:text-slate-300">{children}</div>
      <div className="flex flex-wrap gap-3">{actions}</div>
    </main>
  );
}
