import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage, statusActionClass } from "./status-page";

export const metadata: Metadata = { title: "Not allowed" };

/**
 * What `forbidden()` renders, with HTTP 403: `requireSession` on a page
 * app.config.ts gives a role, for a signed-in user without it. Signing in
 * again would not help, so this page does not offer it.
 */
export default function Forbidden() {
  return (
    <StatusPage
      title="Not allowed"
      actions={
        <Link href="/" className={statusActionClass}>
          Go to the home page
        </Link>
      }
    >
      <p>
        You are signed in, but your account does not have the role this page needs. If you should
        have it, ask whoever manages accounts on the backend; a new role counts from your next
        sign-in.
      </p>
    </StatusPage>
  );
}
