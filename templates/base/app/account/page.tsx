import type { Metadata } from "next";
import { getAdapter } from "@/lib/next-jwt-auth/backend/get-adapter";
import { isBackendError } from "@/lib/next-jwt-auth/backend/errors";
import type { BackendUser } from "@/lib/next-jwt-auth/backend/types";
import { requireSession } from "@/lib/next-jwt-auth/session/server-session";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

/** The profile as the backend sends it now, or why it cannot be read. */
async function profile(accessToken: string, tokensExpired: boolean): Promise<BackendUser | string> {
  // The refresh before this render could not reach the backend: the token would only be refused.
  if (tokensExpired) return "The backend cannot be reached right now.";
  try {
    return await getAdapter().me(accessToken);
  } catch (error) {
    if (isBackendError(error, "unavailable")) return "The backend cannot be reached right now.";
    console.error("[account] backend read failed:", error);
    return "The backend refused the request. Try signing in again.";
  }
}

/** A protected page of its own (listed in app.config.ts): who you are, read from the backend. */
export default async function AccountPage() {
  const session = await requireSession("/account");
  const user = await profile(session.tokens.accessToken, session.tokensExpired);

  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      {typeof user === "string" ? (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {user}
        </p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2" data-testid="account-profile">
          <dt className="text-slate-600 dark:text-slate-300">Name</dt>
          <dd data-testid="account-name">{user.name}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Email</dt>
          <dd>{user.email ?? "—"}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Id</dt>
          <dd>{user.id}</dd>
        </dl>
      )}
    </main>
  );
}
