"use client";

import { useSignInForm } from "@/lib/next-jwt-auth/client/use-sign-in-form";
import type { LoginError } from "@/lib/next-jwt-auth/sign-in/login-params";

const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500 aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:aria-invalid:border-red-400";

/**
 * The sign-in form's markup. What it does (sign in with or without
 * JavaScript, report failures, move focus, mark fields invalid) is
 * `useSignInForm`'s; the texts of its messages are in
 * lib/next-jwt-auth/sign-in/sign-in-errors.ts.
 */
export function LoginForm({
  callbackUrl,
  error,
}: {
  callbackUrl: string;
  error?: LoginError | undefined;
}) {
  const signIn = useSignInForm(callbackUrl, error);
  return (
    <form {...signIn.form} className="flex flex-col gap-4">
      <input {...signIn.callbackField} />
      {signIn.error ? (
        <p
          {...signIn.error.props}
          data-testid="login-error"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-2 focus:outline-red-600 dark:bg-red-950 dark:text-red-200"
        >
          {signIn.error.message}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="username" className="text-sm font-medium">
          Username
        </label>
        <input
          {...signIn.field("username")}
          type="text"
          autoComplete="username"
          required
          autoFocus={!signIn.error}
          className={inputClass}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="text-sm font-medium">
          Password
        </label>
        <input
          {...signIn.field("password")}
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </div>
      <button
        type="submit"
        disabled={signIn.pending}
        aria-busy={signIn.pending}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 dark:focus-visible:outline-indigo-400"
      >
        {signIn.pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
