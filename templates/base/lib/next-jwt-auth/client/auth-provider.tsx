// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

/**
 * next-auth's session context. No polling (`refetchInterval` drifts and
 * multiplies requests); a refetch when the tab regains focus keeps the idle
 * timeout honest, and next-auth's storage event keeps tabs in sync on sign-in
 * and sign-out.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  return (
    <SessionProvider refetchInterval={0} refetchOnWindowFocus refetchWhenOffline={false}>
      {children}
    </SessionProvider>
  );
}
