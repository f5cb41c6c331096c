// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { cookies } from "next/headers";
import { getSession } from "@/lib/next-jwt-auth/session/server-session";
import { readSessionToken } from "@/lib/next-jwt-auth/session/session-cookie";
import { hashSessionId } from "@/lib/next-jwt-auth/store/crypto";
import { getSessionStore } from "@/lib/next-jwt-auth/store/open-store";
import type { SessionSummary } from "@/lib/next-jwt-auth/store/types";

/** One row of "your sessions", marked when it is the one making this request. */
export interface UserSessionView extends SessionSummary {
  current: boolean;
}

/**
 * The verified current session: its id (from the cookie) and user id, or null.
 * Verified by `getSession`, which a render shares with the page's own
 * `requireSession`: one read of the session row per request, not two.
 */
async function currentSession(): Promise<{ sessionId: string; userId: string } | null> {
  const session = await getSession();
  const token = await readSessionToken(await cookies());
  if (!session || typeof token?.sid !== "string") return null;
  return { sessionId: token.sid, userId: session.user.id };
}

/** The signed-in user's live sessions (device, last seen), or null when not signed in. */
export async function listMySessions(): Promise<UserSessionView[] | null> {
  const me = await currentSession();
  if (!me) return null;
  const currentHash = hashSessionId(me.sessionId);
  const sessions = await getSessionStore().listForUser(me.userId, Date.now());
  return sessions.map((s) => ({ ...s, current: s.idHash === currentHash }));
}

/** "Sign out everywhere else": ends every session of the user but this one. Returns how many ended. */
export async function endMyOtherSessions(): Promise<number> {
  const me = await currentSession();
  if (!me) return 0;
  return getSessionStore().deleteOthersForUser(me.userId, me.sessionId);
}

/** Ends one of the user's sessions by its hash; another user's hash does nothing. */
export async function endMySession(idHash: string): Promise<boolean> {
  const me = await currentSession();
  if (!me || !/^[0-9a-f]{64}$/.test(idHash) || idHash === hashSessionId(me.sessionId)) return false;
  return getSessionStore().deleteForUser(me.userId, idHash);
}
