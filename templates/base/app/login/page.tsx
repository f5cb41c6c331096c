import type { Metadata } from "next";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  const initialError = signInErrorMessage(first(params.error));
  return (
    <main className="mx-auto flex max-w-sm flex-col gap-6 px-6 py-24">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <LoginForm callbackUrl={callbackUrl} initialError={initialError} />
    </main>
  );
}
