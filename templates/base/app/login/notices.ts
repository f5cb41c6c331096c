/**
 * Why the user is on the login page, set as `?reason=` by whatever sent them:
 * the sign-out button, the session ending (proxy.ts, useAuth) or a protected
 * page without a session (proxy.ts, requireSession).
 */
export const LOGIN_NOTICES = {
  "signed-out": "You have been signed out.",
  "session-ended": "Your session ended. Please sign in again.",
  "sign-in-required": "Please sign in to continue.",
} as const;

export type LoginReason = keyof typeof LOGIN_NOTICES;

/** The notice for a `reason` query value; nothing for an unknown one. */
export function loginNotice(reason: string | undefined): string | undefined {
  return reason && Object.hasOwn(LOGIN_NOTICES, reason)
    ? LOGIN_NOTICES[reason as LoginReason]
    : undefined;
}
