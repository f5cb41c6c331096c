import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AuthProvider } from "@/lib/next-jwt-auth/client/auth-provider";
import { APP_NAME } from "./app-name";
import { SiteHeader } from "./site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: APP_NAME,
  description: "Next.js app signing in against a backend, with server-side tokens",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request so that Next can put this response's CSP nonce on its
  // scripts (proxy.ts); a page prerendered at build time would carry none.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <AuthProvider>
          <SiteHeader />
          {children}
        </AuthProvider>
      </body>
    </html>
  );
}
