// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The header the backend proxy sets on its own 401s that mean "this browser
 * has no session any more" (`session_expired`, `unauthenticated`). Never
 * passed through from the backend (`FORWARDED_RESPONSE_HEADERS` is an
 * allowlist), so a backend's own 401 for one resource cannot sign the user
 * out: `useAuth` ends the session only on this header. No server imports:
 * the client reads it too.
 */
export const SESSION_ENDED_HEADER = "X-Session-Ended";
