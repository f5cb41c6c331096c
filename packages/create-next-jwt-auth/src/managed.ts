/**
 * The folder of a generated app that create-next-jwt-auth maintains: the
 * security-critical core (sessions, refresh, sign-in, proxy, storage). Relative
 * to the app's root, `/`-separated, with the trailing slash, as manifest paths
 * are written.
 */
export const MANAGED_DIR = "lib/next-jwt-auth/";

/**
 * The first line of every file under {@link MANAGED_DIR}, and of no other file
 * of an app: it tells the reader (and an agent) that `upgrade` replaces the
 * file, so a change belongs in create-next-jwt-auth itself.
 */
export const MANAGED_MARKER =
  "// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.";

/** Whether an app path (relative, `/`-separated) lies in the managed folder. */
export function isManagedPath(path: string): boolean {
  return path.startsWith(MANAGED_DIR);
}
