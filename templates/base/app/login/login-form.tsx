"use client";

import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

interface Props {
  /** Already sanitised on the server: a same-origin relative path. */
  callbackUrl: string;
  initialError?: string | undefined;
}

export function LoginForm({ callbackUrl, initialError }: Props) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
        callbackUrl,
      });
      if (!result || result.error || !result.ok) {
        setError(signInErrorMessage(result?.error ?? "sign_in_failed"));
        setPending(false);
        queueMicrotask(() => errorRef.current?.focus());
        return;
      }
      // A full navigation, so the server renders the next page with the new cookie.
      window.location.assign(callbackUrl);
    } catch {
      setError(signInErrorMessage("backend_unavailable"));
      setPending(false);
    }
  }

  const inputClass =
    "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      aria-describedby={error ? "login-error" : undefined}
      noValidate
    >
      {error ? (
        <p
          id="login-error"
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
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
          autoFocus
          className={inputClass}
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
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
