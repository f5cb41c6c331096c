import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { peekSession } from "@/lib/next-jwt-auth/session/server-session";
import { BuiltInMockHint } from "@/lib/next-jwt-auth/dev/built-in-mock-hint";
import { readLoginParams, type SearchParams } from "@/lib/next-jwt-auth/sign-in/login-params";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl, error, notice } = readLoginParams(await searchParams);
  // Already signed in: nothing to do here.
  if (await peekSession()) redirect(callbackUrl);

  return (
    <main className="mx-auto flex w-full max-w-sm flex-col gap-6 px-4 py-12 sm:py-20">
      <div className="flex flex-col gap-6 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
        <h1 className="text-2xl font-semibold">Sign in</h1>
        {notice ? (
          <p
            role="status"
            data-testid="login-notice"
            className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
          >
            {notice}
          </p>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} error={error} />
      </div>
      <BuiltInMockHint />
    </main>
  );
}
