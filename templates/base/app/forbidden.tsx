import type { Metadata } from "next";
import { StatusPage } from "./status-page";

export const metadata: Metadata = { title: "Not allowed" };

/**
 * The 403 page, for a signed-in user on a page app.config.ts gives a role they
 * lack. proxy.ts renders it (as app/not-allowed) before the page; the page's
 * own `requireSession()` renders it through `forbidden()` should the proxy not
 * have. Signing in again would not help, so this page does not offer it.
 */
export default function Forbidden() {
  return (
    <StatusPage title="Not allowed">
      <p>
        You are signed in, but your account does not have the role this page needs. If you should
        have it, ask whoever manages accounts on the backend; a new role counts from your next
        sign-in.
      </p>
    </StatusPage>
  );
}
