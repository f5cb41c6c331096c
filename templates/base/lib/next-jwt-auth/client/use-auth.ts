// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
"use client";

import { signOut, useSession } from "next-auth/react";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { SESSION_ENDED_HEADER } from "@/lib/next-jwt-auth/proxy/session-ended";

function loginUrl(pathname: string): string {
  return `/login?callbackUrl=${encodeURIComponent(pathname)}&reason=session-ended`;
}

/**
 * The signed-in user on the client, and a `fetch` for the backend proxy.
 * When the session ends (refresh token expired or refused, signed out in
 * another tab), the user is sent to `/login`. Client side only: `signOut`
 * needs `window`.
 */
export function useAuth() {
  const { data, status } = useSession();
  const pathname = usePathname();
  const leaving = useRef(false);

  const leave = useCallback(() => {
    if (leaving.current) return;
    leaving.current = true;
    // signOut clears the ended cookie and tells the other tabs.
    void signOut({ callbackUrl: loginUrl(pathname) });
  }, [pathname]);

  const ended = status === "unauthenticated" || (status === "authenticated" && !!data.error);
  useEffect(() => {
    if (ended) leave();
  }, [ended, leave]);

  /**
   * `fetch('/api/proxy/<path>')`. The proxy's own "no session" 401 (marked by
   * its header) ends the session here; a backend's 401 for one resource is
   * just that resource's answer.
   */
  const fetchBackend = useCallback(
    async (path: string, init?: RequestInit): Promise<Response> => {
      const response = await fetch(`/api/proxy/${path.replace(/^\/+/, "")}`, {
        ...init,
        credentials: "same-origin",
      });
      if (response.status === 401 && response.headers.has(SESSION_ENDED_HEADER)) leave();
      return response;
    },
    [leave],
  );

  return {
    status,
    user: status === "authenticated" && !data.error ? data.user : undefined,
    fetchBackend,
  };
}
