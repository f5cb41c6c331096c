"use client";

import { useProxyRequest } from "@/lib/next-jwt-auth/client/use-proxy-request";

/** The answer, pretty-printed when it is JSON; cut short so a long list does not flood the page. */
function preview(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2).slice(0, 2000);
  } catch {
    return text.slice(0, 2000);
  }
}

/** Calls the backend from the browser, through the proxy: the browser never sees a token. */
export function ProxyDemo({ path }: { path: string }) {
  const { state, reload } = useProxyRequest(path);

  return (
    <div className="flex flex-col gap-3" data-testid="proxy-demo" data-proxy-path={path}>
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={() => void reload()}
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
          {state.kind === "failed" ? "The request failed." : null}
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
          {preview(state.text)}
        </pre>
      ) : null}
    </div>
  );
}
