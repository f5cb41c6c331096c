import type { Metadata } from "next";
import { StatusPage } from "./status-page";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage title="Page not found">
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
    </StatusPage>
  );
}
