/** Ports, token lifetimes and the backend shared by playwright.config.ts and the specs. */
export const APP_PORT = Number(process.env.PORT ?? 3000);
export const MOCK_PORT = Number(process.env.MOCK_PORT ?? 4010);
export const APP_URL = `http://localhost:${APP_PORT}`;
/** Another backend to test against instead of the built-in mock (see playwright.config.ts). */
export const EXTERNAL_BACKEND = process.env.E2E_BACKEND_URL?.replace(/\/+$/, "") || undefined;
/** The backend the app talks to during the suite: the built-in mock unless E2E_BACKEND_URL is set. */
export const BACKEND_UNDER_TEST = EXTERNAL_BACKEND ?? `http://127.0.0.1:${MOCK_PORT}`;
/**
 * Seconds; short so that a test can outlive an access token, long enough that
 * a token is not due for its own refresh before a test's burst of requests
 * is over. The app refreshes a few seconds before expiry
 * (lib/next-jwt-auth/session/expiry.ts; the session storage may read ahead):
 * at 10 s a fresh token was due again after 3 s, which a loaded CI machine
 * overran with a second, legitimate refresh.
 */
export const E2E_ACCESS_TTL = 15;
/** Seconds; short so that a test can outlive a refresh token. */
export const E2E_REFRESH_TTL = 30;
/** Failed sign-ins per username before the login throttle answers 429. */
export const E2E_LOGIN_MAX_FAILURES = 3;
