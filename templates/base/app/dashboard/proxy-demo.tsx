"use client";

import { useCallback, useEffect, useState } from "react";
import { useAuth } from "@/lib/next-jwt-auth/client/use-auth";

type State =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "done"; status: number; preview: string }
  | { kind: "failed"; message: string };

/** Calls the backend from the browser, through the proxy: the browser never sees a token. */
export function ProxyDemo({ path }: { path: string }) {
  const { fetchBackend } = useAuth();
  const [state, setState] = useState<State>({ kind: "idle" });

  const load = useCallback(async () => {
    setState({ kind: "loading" });
    try {
      const response = await fetchBackend(path, { headers: { accept: "application/json" } });
      const text = await response.text();
      let preview = text;
      try {
        preview = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // Not JSON: show it as is.
      }
      setState({ kind: "done", status: response.status, preview: preview.slice(0, 2000) });
    } catch {
      setState({ kind: "failed", message: "The request failed." });
    }
  }, [fetchBackend, path]);

  useEffect(() => {
    // Loading external data into state on mount is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  return (
    <div className="flex flex-col gap-3" data-testid="proxy-demo" data-proxy-path={path}>
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={() => void load()}
          disabled={state.kind === "loading"}
          className="shrink-0 rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 dark:text-indigo-300 dark:ring-indigo-800 dark:hover:bg-indigo-950 dark:focus-visible:outline-indigo-400"
        >
          Reload via proxy
        </button>
        <span aria-live="polite" className="text-sm text-slate-600 dark:text-slate-300">
          {state.kind === "loading" ? "Loading…" : null}
          {state.kind === "done" ? (
            <>
              GET /api/proxy/{path} → <span data-testid="proxy-status">{state.status}</span>
            </>
          ) : null}
          {state.kind === "failed" ? state.message : null}
        </span>
      </div>
      {state.kind === "done" ? (
        // Focusable and named: a keyboard user can scroll it (axe scrollable-region-focusable);
        // lines wrap so that nothing is cut off on a narrow screen.
        <pre
          data-testid="proxy-body"
          tabIndex={0}
          aria-label={`Answer of GET /api/proxy/${path}`}
          className="max-h-64 overflow-auto rounded-md bg-slate-900 p-3 text-xs break-words whitespace-pre-wrap text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:ring-1 dark:ring-slate-700 dark:focus-visible:outline-indigo-400"
        >
          {state.preview}
        </pre>
      ) : null}
    </div>
  );
}
