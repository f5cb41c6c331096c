// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { clearSessionCookieParts, readSessionToken } from "./session-cookie";
import { endSignedInSession } from "./sign-out";

/**
 * The sign-out form's action when the browser runs no JavaScript (or has not
 * yet hydrated): ends the session like next-auth's sign-out, clears every part
 * of the cookie and says so on the login page. Next runs a Server Action only
 * for a same-origin POST, so another site cannot sign the user out.
 */
export async function signOutAction(): Promise<never> {
  const jar = await cookies();
  await endSignedInSession(await readSessionToken(jar));
  clearSessionCookieParts(jar, jar);
  redirect("/login?reason=signed-out");
}
