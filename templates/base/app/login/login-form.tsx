"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { invalidFields, missingFields } from "@/lib/next-jwt-auth/sign-in/sign-in-fields";
import { signInFailureMessage } from "@/lib/next-jwt-auth/sign-in/sign-in-errors";
import { signInWithCredentials } from "@/lib/next-jwt-auth/client/credentials-sign-in";
import { signInAction } from "./actions";

interface Props {
  /** Already sanitised on the server: a same-origin relative path. */
  callbackUrl: string;
  /** An error code from the URL (the form without JavaScript reports through it). */
  initialErrorCode?: string | undefined;
  /** The wait of a throttled attempt, from the URL. */
  initialRetryAfter?: number | undefined;
}

interface Failure {
  code: string;
  retryAfterSeconds?: number | undefined;
  /** Bumped on every failure so the same error twice still moves focus. */
  attempt: number;
}

/**
 * The sign-in form. With JavaScript it signs in with `fetch` and moves focus
 * to the error; without (or before hydration) it posts to a Server Action
 * that signs in on the server, so it works either way and the password never
 * enters a URL.
 */
export function LoginForm({ callbackUrl, initialErrorCode, initialRetryAfter }: Props) {
  const [failure, setFailure] = useState<Failure | undefined>(
    initialErrorCode
      ? { code: initialErrorCode, retryAfterSeconds: initialRetryAfter, attempt: 0 }
      : undefined,
  );
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  // After the error has rendered (an effect runs after commit), so focus
  // lands on it and a screen reader reads it.
  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure]);

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
  const fieldProps = (name: "username" | "password") =>
    invalid[name] || wrongLogin
      ? { "aria-invalid": true as const, "aria-describedby": "login-error" }
      : {};

  const inputClass =
    "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500 aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:aria-invalid:border-red-400";

  return (
    <form action={signInAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {message ? (
        <p
          id="login-error"
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          data-testid="login-error"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-2 focus:outline-red-600 dark:bg-red-950 dark:text-red-200"
        >
          {message}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="username" className="text-sm font-medium">
          Username
        </label>
        <input
          id="username"
          name="username"
          type="text"
          autoComplete="username"
          required
          autoFocus={!message}
          className={inputClass}
          {...fieldProps("username")}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
          {...fieldProps("password")}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 dark:focus-visible:outline-indigo-400"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
