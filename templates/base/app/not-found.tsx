import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage, statusActionClass } from "./status-page";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage
      title="Page not found"
      actions={
        <Link href="/" className={statusActionClass}>
          Go to the home page
        </Link>
      }
    >
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
    </StatusPage>
  );
}
