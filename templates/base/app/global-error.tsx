"use client";

import ErrorPage from "./error";
import "./globals.css";

/**
 * When the root layout itself fails: it replaces the whole document, so it
 * brings its own `<html>` and `<body>` (and no app shell, which may be what
 * failed) around the same content as any other failed page (app/error.tsx).
 */
export default function GlobalError(props: Parameters<typeof ErrorPage>[0]) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
