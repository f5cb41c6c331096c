// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
"use client";

import { useCallback, useState, type FormEvent } from "react";
import { signInWithCredentials } from "@/lib/next-jwt-auth/client/credentials-sign-in";
import type { LoginError } from "@/lib/next-jwt-auth/sign-in/login-params";
import { signInAction } from "@/lib/next-jwt-auth/sign-in/sign-in-action";
import { signInFailureMessage } from "@/lib/next-jwt-auth/sign-in/sign-in-errors";
import { invalidFields, missingFields } from "@/lib/next-jwt-auth/sign-in/sign-in-fields";

/** The id of the element that shows the failure: the fields it is about point at it. */
const ERROR_ID = "login-error";

interface Failure extends LoginError {
  /** Bumped on every failure so the same error twice still moves focus. */
  attempt: number;
}

/**
 * Everything a login form does besides its markup. With JavaScript it signs
 * in with `fetch` (`signInWithCredentials`), checks for empty fields first,
 * and moves focus to the error so a screen reader reads it; without (or
 * before hydration) the form posts to `signInAction` on the server, so it
 * works either way and the password never enters a URL. Spread `form` on the
 * `<form>`, `callbackField` on a hidden input, `field(name)` on each input
 * and `error.props` on the element showing `error.message`.
 *
 * @param callbackUrl already sanitised on the server (`readLoginParams`).
 * @param initialError a failure the URL reports (the form without JavaScript redirects with it).
 */
export function useSignInForm(callbackUrl: string, initialError?: LoginError) {
  const [failure, setFailure] = useState<Failure | undefined>(
    initialError ? { ...initialError, attempt: 0 } : undefined,
  );
  const [pending, setPending] = useState(false);

  // A new callback ref per failure: React calls it once the error has
  // rendered, so focus lands on it, also for the same error twice.
  const focusError = useCallback(
    (node: HTMLElement | null) => {
      if (failure) node?.focus();
    },
    [failure],
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "");
    const password = String(form.get("password") ?? "");
    const attempt = (failure?.attempt ?? 0) + 1;
    const missing = missingFields(username, password);
    if (missing) {
      setFailure({ code: missing, attempt });
      return;
    }
    setPending(true);
    setFailure(undefined);
    try {
      const result = await signInWithCredentials({
        username: username.trim(),
        password,
        callbackUrl,
      });
      if (result.ok) {
        // A full navigation, so the server renders the next page with the new cookie.
        window.location.assign(callbackUrl);
        return;
      }
      setFailure({ code: result.code, retryAfterSeconds: result.retryAfterSeconds, attempt });
    } catch {
      setFailure({ code: "backend_unavailable", attempt });
    }
    setPending(false);
  }

  const message = failure
    ? signInFailureMessage(failure.code, failure.retryAfterSeconds)
    : undefined;
  const invalid = invalidFields(failure?.code);
  const wrongLogin = failure?.code === "CredentialsSignin";

  return {
    /** For the `<form>`: the Server Action without JavaScript, `fetch` with it; the hook checks the fields itself. */
    form: { action: signInAction, onSubmit, noValidate: true },
    /** For a hidden input: where the Server Action goes after signing in. */
    callbackField: { type: "hidden", name: "callbackUrl", value: callbackUrl },
    /** For each input: its name and id, and marked invalid when the failure is about it. */
    field: (name: "username" | "password") => ({
      id: name,
      name,
      ...(invalid[name] || wrongLogin
        ? { "aria-invalid": true as const, "aria-describedby": ERROR_ID }
        : {}),
    }),
    /**
     * The failure to show, if any: its code (`SignInErrorCode`, or next-auth's), its
     * message, and the props that make it an alert that takes focus.
     */
    error:
      failure && message
        ? {
            code: failure.code,
            message,
            props: { id: ERROR_ID, ref: focusError, tabIndex: -1, role: "alert" },
          }
        : undefined,
    /** A sign-in is under way: disable the button. */
    pending,
  };
}
