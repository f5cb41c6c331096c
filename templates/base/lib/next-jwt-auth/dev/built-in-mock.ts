// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/** The port the built-in mock listens on unless `MOCK_PORT` moves it (mock/main.ts). */
export const DEFAULT_MOCK_PORT = 4010;

/**
 * Is `backendUrl` the built-in mock backend, in development? Only then does
 * the login page show the demo login: a real backend's users are not `demo`,
 * and a production build never advertises credentials.
 */
export function isBuiltInMockInDevelopment(
  backendUrl: string,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (env.NODE_ENV !== "development") return false;
  let url: URL;
  try {
    url = new URL(backendUrl);
  } catch {
    return false;
  }
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  const mockPort = env.MOCK_PORT?.trim() || String(DEFAULT_MOCK_PORT);
  return local && url.port === mockPort;
}
