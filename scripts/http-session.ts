/**
 * A client of a generated app over plain HTTP, as any script (or attacker)
 * sees it: a cookie jar and next-auth's CSRF-protected credentials sign-in.
 */

/** A tiny cookie jar: name → value, updated from every response's Set-Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  update(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  sessionCookies(): string[] {
    return [...this.cookies.keys()].filter((name) => name.includes("session-token"));
  }
}

/**
 * Sign in through next-auth's credentials endpoint with its CSRF
 * double-submit token; the jar ends up holding the session cookie.
 * Resolves to the sign-in response (200 with `json=true` when accepted).
 */
export async function signIn(appUrl: string, jar: CookieJar, username: string, password: string): Promise<Response> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  jar.update(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  jar.update(login);
  return login;
}

/** The headers a same-origin `fetch` from the app's own pages sends to its proxy. */
export function proxyHeaders(jar: CookieJar): Record<string, string> {
  return { cookie: jar.header(), accept: "application/json", "sec-fetch-site": "same-origin" };
}
