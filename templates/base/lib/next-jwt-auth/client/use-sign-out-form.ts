// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
"use client";

import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { signOutAction } from "@/lib/next-jwt-auth/session/sign-out-action";

/**
 * Everything a sign-out form does besides its markup: it ends the session at
 * the backend, clears the cookie and says so on the login page. With
 * JavaScript through next-auth's `signOut` (which also tells the other tabs);
 * without (or before hydration) the form posts to `signOutAction`. Spread
 * `form` on the `<form>`; `pending` is true from the click until the page
 * changes.
 */
export function useSignOutForm() {
  const [pending, setPending] = useState(false);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    void signOut({ callbackUrl: "/login?reason=signed-out" });
  }
  return { form: { action: signOutAction, onSubmit }, pending };
}
