"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { signOutAction } from "@/lib/next-jwt-auth/session/sign-out-action";

/**
 * Ends the session at the backend, clears the cookie and says so on the login
 * page. With JavaScript through next-auth's `signOut` (which also tells the
 * other tabs); without, the form posts to `signOutAction`.
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <form
      action={signOutAction}
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        void signOut({ callbackUrl: "/login?reason=signed-out" });
      }}
    >
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 dark:ring-slate-700 dark:hover:bg-slate-800 dark:focus-visible:outline-indigo-400"
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}
