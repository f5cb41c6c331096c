/**
 * The folder of a generated app that create-next-jwt-auth maintains: the
 * security-critical core (session, cookies, throttling, the backend proxy). Its
 * files are meant to change only through `create-next-jwt-auth upgrade`, so
 * `upgrade --check` compares every file under it with the manifest's hash.
 * A POSIX prefix of manifest paths, with the trailing slash.
 */
export const MANAGED_DIR = "lib/next-jwt-auth/";
