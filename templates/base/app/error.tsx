"use client";

import { useEffect } from "react";
import { environmentProblem } from "@/lib/next-jwt-auth/config/env-problem";
import { StatusPage } from "./status-page";

/**
 * A page that failed to render. The details stay in the server log (the
 * `digest` ties the two together); the user gets a way to retry.
 */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const problem = environmentProblem(error, process.env.NODE_ENV);
  return (
    <StatusPage
      title={problem ? "The app's settings are invalid" : "Something went wrong"}
      retry={reset}
    >
      {problem ? (
        <>
          <p>Fix these variables in .env.local; the development server picks the change up.</p>
          <pre className="mt-2 text-sm break-words whitespace-pre-wrap">{problem}</pre>
        </>
      ) : (
        <p>This page could not be shown. Please try again in a moment.</p>
      )}
      {error.digest ? (
        <p className="mt-2 text-sm">
          Reference for the server log: <code>{error.digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}
