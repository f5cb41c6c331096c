import type { Metadata } from "next";
import { getAdapter } from "@/lib/auth/adapter";
import { isBackendError } from "@/lib/auth/backend/errors";
import type { BackendItem, BackendUser } from "@/lib/auth/backend/types";
import { requireSession } from "@/lib/auth/session";
import { ProxyDemo } from "./proxy-demo";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

type Loaded =
  { ok: true; user: BackendUser; items: BackendItem[] } | { ok: false; message: string };

async function load(accessToken: string): Promise<Loaded> {
  const adapter = getAdapter();
  try {
    const [user, items] = await Promise.all([adapter.me(accessToken), adapter.items(accessToken)]);
    return { ok: true, user, items };
  } catch (error) {
    if (isBackendError(error, "unavailable"))
      return { ok: false, message: "The backend cannot be reached right now." };
    console.error("[dashboard] backend read failed:", error);
    return { ok: false, message: "The backend refused the request. Try signing in again." };
  }
}

export default async function DashboardPage() {
  // The data-access check: proxy.ts already redirected optimistically, this verifies.
  const session = await requireSession("/dashboard");
  const data = await load(session.tokens.accessToken);
  const adapter = getAdapter();

  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-6 py-12">
      <header className="flex items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Dashboard</h1>
          <p className="text-slate-600 dark:text-slate-300">
            Signed in as{" "}
            <strong data-testid="user-name">{data.ok ? data.user.name : session.user.name}</strong>
          </p>
        </div>
        <SignOutButton />
      </header>

      <section aria-labelledby="server-data" className="flex flex-col gap-3">
        <h2 id="server-data" className="text-lg font-medium">
          Read on the server
        </h2>
        {data.ok ? (
          <ul
            data-testid="server-items"
            className="divide-y divide-slate-200 rounded-md bg-white ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800"
          >
            {data.items.map((item) => (
              <li key={item.id} className="px-4 py-2">
                {item.title}
              </li>
            ))}
          </ul>
        ) : (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {data.message}
          </p>
        )}
      </section>

      <section aria-labelledby="proxy-data" className="flex flex-col gap-3">
        <h2 id="proxy-data" className="text-lg font-medium">
          Read from the browser through <code>/api/proxy</code>
        </h2>
        <ProxyDemo path={adapter.demoResourcePath} />
      </section>
    </main>
  );
}
