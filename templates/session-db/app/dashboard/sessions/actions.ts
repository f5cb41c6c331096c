"use server";

import { revalidatePath } from "next/cache";
import { endMyOtherSessions, endMySession } from "@/lib/next-jwt-auth/storage/user-sessions";

// Server Actions are POSTs that Next.js checks against the Host (Origin), so a
// cross-site form cannot trigger them; each re-verifies the session itself.

/** Ends every other session of the signed-in user. */
export async function endOtherSessionsAction(): Promise<void> {
  await endMyOtherSessions();
  revalidatePath("/dashboard/sessions");
}

/** Ends one other session of the signed-in user, named by the form's `idHash`. */
export async function endSessionAction(form: FormData): Promise<void> {
  const idHash = form.get("idHash");
  if (typeof idHash === "string") await endMySession(idHash);
  revalidatePath("/dashboard/sessions");
}
