import type { Metadata } from "next";
import { backendProfile } from "@/lib/next-jwt-auth/backend-profile";
import { readForPage } from "@/lib/next-jwt-auth/page-read";
import { requireSession } from "@/lib/next-jwt-auth/session/server-session";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

/** A protected page of its own (listed in app.config.ts): who you are, read from the backend. */
export default async function AccountPage() {
  const session = await requireSession("/account");
  const profile = await readForPage("account", () => backendProfile(session));

  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      {profile.ok ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2" data-testid="account-profile">
          <dt className="text-slate-600 dark:text-slate-300">Name</dt>
          <dd data-testid="account-name">{profile.data.name}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Email</dt>
          <dd>{profile.data.email ?? "—"}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Id</dt>
          <dd>{profile.data.id}</dd>
        </dl>
      ) : (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {profile.message}
        </p>
      )}
    </main>
  );
}
