// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
"use server";

import { redirect } from "next/navigation";
import { missingFields } from "@/lib/next-jwt-auth/sign-in/sign-in-fields";
import { safeCallbackUrl } from "@/lib/next-jwt-auth/security/safe-callback-url";
import { signInOnServer } from "@/lib/next-jwt-auth/sign-in/server-sign-in";

/**
 * The login form's action when the browser runs no JavaScript (or has not yet
 * hydrated): a POST, so the password travels in the body and never in a URL.
 * It signs in on the server and redirects — to the page asked for (sanitised
 * here again: the form's hidden field is whatever the request says), or back
 * to `/login` with the error code (and the wait of a throttled attempt), which
 * the page explains. Next only runs a Server Action for a same-origin POST.
 */
export async function signInAction(form: FormData): Promise<never> {
  const username = String(form.get("username") ?? "");
  const password = String(form.get("password") ?? "");
  const callbackUrl = safeCallbackUrl(String(form.get("callbackUrl") ?? ""));

  const missing = missingFields(username, password);
  if (missing) backToLogin(callbackUrl, missing);

  const outcome = await signInOnServer({ username: username.trim(), password, callbackUrl });
  if (outcome.kind === "signed-in") redirect(callbackUrl);
  if (outcome.kind === "failed") backToLogin(callbackUrl, outcome.code, outcome.retryAfterSeconds);
  backToLogin(callbackUrl, "sign_in_failed");
}

/** Back to the login page with an error code it explains; the username and password are never put in the URL. */
function backToLogin(callbackUrl: string, code: string, retryAfterSeconds?: number): never {
  const params = new URLSearchParams({ error: code, callbackUrl });
  if (retryAfterSeconds) params.set("retryAfter", String(retryAfterSeconds));
  redirect(`/login?${params.toString()}`);
}
