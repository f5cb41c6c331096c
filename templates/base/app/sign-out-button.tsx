"use client";

import { useSignOutForm } from "@/lib/next-jwt-auth/client/use-sign-out-form";

/** Signs out, with or without JavaScript (`useSignOutForm`), and says so on the login page. */
export function SignOutButton() {
  const signOut = useSignOutForm();
  return (
    <form {...signOut.form}>
      <button
        type="submit"
        disabled={signOut.pending}
        aria-busy={signOut.pending}
        className="rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 dark:ring-slate-700 dark:hover:bg-slate-800 dark:focus-visible:outline-indigo-400"
      >
        {signOut.pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}
