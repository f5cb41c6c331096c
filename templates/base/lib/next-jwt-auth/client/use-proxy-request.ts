// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
"use client";

import { useCallback, useEffect, useState } from "react";
import { useAuth } from "@/lib/next-jwt-auth/client/use-auth";

/** Where a `useProxyRequest` call is: its answer's status and text once there is one. */
export type ProxyRequestState =
  /** Before the first request: the server's render, and the page without JavaScript. */
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "done"; status: number; text: string }
  | { kind: "failed" };

/**
 * A `GET` of the backend from the browser, through `/api/proxy` (the browser
 * never sees a token): sent when the component mounts and again on `reload()`.
 * Any answer, 4xx and 5xx included, is `done` with its status; `failed` means
 * no answer at all (offline). A session that ended sends the user to
 * `/login` (`useAuth`).
 */
export function useProxyRequest(path: string, accept = "application/json") {
  const { fetchBackend } = useAuth();
  const [state, setState] = useState<ProxyRequestState>({ kind: "idle" });

  const reload = useCallback(async () => {
    setState({ kind: "loading" });
    try {
      const response = await fetchBackend(path, { headers: { accept } });
      setState({ kind: "done", status: response.status, text: await response.text() });
    } catch {
      setState({ kind: "failed" });
    }
  }, [fetchBackend, path, accept]);

  useEffect(() => {
    // Loading external data into state on mount is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);

  return { state, reload };
}
