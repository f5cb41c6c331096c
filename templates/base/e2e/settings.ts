/** Ports and token lifetimes shared by playwright.config.ts and the specs. */
export const APP_PORT = Number(process.env.PORT ?? 3000);
export const MOCK_PORT = Number(process.env.MOCK_PORT ?? 4010);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const MOCK_URL = `http://127.0.0.1:${MOCK_PORT}`;
/** Seconds; short so that a test can outlive an access token. */
export const E2E_ACCESS_TTL = 10;
/** Seconds; short so that a test can outlive a refresh token. */
export const E2E_REFRESH_TTL = 30;
/** Failed sign-ins per username before the login throttle answers 429. */
export const E2E_LOGIN_MAX_FAILURES = 3;
