// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * next-auth v4 splits a session cookie longer than this into `<name>.0`,
 * `<name>.1`, … and joins every cookie whose name starts with `<name>` when
 * reading. Same numbers as next-auth's own `SessionStore` (4096 bytes minus an
 * estimate of the attributes).
 */
export const CHUNK_SIZE = 4096 - 163;

export interface CookieWrite {
  name: string;
  value: string;
}

export interface ChunkPlan {
  set: CookieWrite[];
  /** Names of cookies present in the request that must be cleared, or a reader would join stale chunks. */
  clear: string[];
}

function isSessionPart(name: string, cookieName: string): boolean {
  return name === cookieName || new RegExp(`^${escape(cookieName)}\\.\\d+$`).test(name);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Plan the cookies that store `value` under `cookieName`, given the cookie names the request carried. */
export function planSessionCookies(
  cookieName: string,
  value: string,
  existingNames: Iterable<string>,
): ChunkPlan {
  const count = Math.max(1, Math.ceil(value.length / CHUNK_SIZE));
  const set: CookieWrite[] =
    count === 1
      ? [{ name: cookieName, value }]
      : Array.from({ length: count }, (_, i) => ({
          name: `${cookieName}.${i}`,
          value: value.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE),
        }));
  const written = new Set(set.map((c) => c.name));
  const clear = [...new Set(existingNames)].filter(
    (name) => isSessionPart(name, cookieName) && !written.has(name),
  );
  return { set, clear };
}

/** Plan clearing every part of the session cookie the request carried. */
export function planClearSessionCookies(
  cookieName: string,
  existingNames: Iterable<string>,
): string[] {
  return [...new Set(existingNames)].filter((name) => isSessionPart(name, cookieName));
}
