// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The shape, defaults and checks of `app.config.ts`, the one file where the
 * app's routes and session defaults are declared. Everything that needs them
 * (`proxy.ts`'s session matching, the page guards, the environment's defaults)
 * reads that file; nothing keeps a second list.
 */

/** What `app.config.ts` declares. */
export interface AppConfigInput {
  /**
   * Path prefixes of the pages that need a session: each one and everything
   * below it. `proxy.ts` refreshes the backend tokens before these render and
   * redirects signed-out visitors to `/login`; `requireSession()` accepts only
   * these. Like `"/dashboard"`: a leading slash, no trailing one.
   */
  protectedPages: readonly string[];
  /** Defaults of the session timeouts, in seconds; the environment variables override them. */
  session: {
    /** Signed out after this long without a request (`SESSION_IDLE_TIMEOUT`). */
    idleTimeoutSeconds: number;
    /** Signed out this long after sign-in, however active (`SESSION_ABSOLUTE_TIMEOUT`). */
    absoluteTimeoutSeconds: number;
  };
}

/** The validated, frozen configuration. */
export type AppConfig = Readonly<{
  protectedPages: readonly string[];
  session: Readonly<AppConfigInput["session"]>;
}>;

/** How the message of an `AppConfigError` starts. */
export const APP_CONFIG_ERROR_PREFIX = "Invalid app.config.ts";

/** Thrown when `app.config.ts` is loaded with a mistake; the message names every one. */
export class AppConfigError extends Error {
  override readonly name = "AppConfigError";
}

/**
 * Paths that must never be protected pages: `proxy.ts` does not read the
 * session on `/api/*` (the backend proxy refreshes itself) nor on Next's own
 * assets, and a protected `/login` could never be reached signed out.
 */
const RESERVED = ["/api", "/login", "/_next"] as const;

/** One or more `/segment`s of URL-safe characters, no `.` or `..` segment. */
const PREFIX = /^(\/[A-Za-z0-9._~-]+)+$/;

/** True when `pathname` is `prefix` or below it (`/dashboard/x`, not `/dashboards`). */
export function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** What is wrong with one prefix, given the ones listed before it; `undefined` when nothing. */
function prefixProblem(prefix: string, earlier: readonly string[]): string | undefined {
  if (!prefix.startsWith("/")) return 'must start with "/"';
  if (prefix === "/") return "would protect every page, /login too";
  if (prefix.endsWith("/")) return 'must not end with "/"';
  if (!PREFIX.test(prefix) || /\/\.\.?(\/|$)/.test(prefix)) {
    return 'must be a path like "/dashboard" (letters, digits, ._~-)';
  }
  const reserved = RESERVED.find((r) => isUnder(prefix, r) || isUnder(r, prefix));
  if (reserved) return `overlaps ${reserved}, which cannot be protected`;
  const other = earlier.find((p) => isUnder(prefix, p) || isUnder(p, prefix));
  if (other === prefix) return "is listed twice";
  if (other) return `overlaps ${JSON.stringify(other)}`;
  return undefined;
}

function prefixProblems(prefixes: readonly string[]): (string | undefined)[] {
  return prefixes.map((prefix, index) => {
    const problem = prefixProblem(prefix, prefixes.slice(0, index));
    return problem && `protectedPages[${index}] ${JSON.stringify(prefix)} ${problem}`;
  });
}

function secondsProblem(name: string, value: number): string | undefined {
  return Number.isSafeInteger(value) && value > 0
    ? undefined
    : `${name} must be a whole number > 0`;
}

/** Every mistake in `input`, one sentence each; empty when it is valid. Exported for tests. */
export function appConfigProblems(input: AppConfigInput): string[] {
  const { idleTimeoutSeconds, absoluteTimeoutSeconds } = input.session;
  return [
    ...prefixProblems(input.protectedPages),
    secondsProblem("session.idleTimeoutSeconds", idleTimeoutSeconds),
    secondsProblem("session.absoluteTimeoutSeconds", absoluteTimeoutSeconds),
  ].filter((problem): problem is string => problem !== undefined);
}

/**
 * Validate and freeze the app's configuration. Called by `app.config.ts`, so a
 * mistake there stops `next dev`, `next build` and the server at start-up
 * with an `AppConfigError` naming it, not at the first request.
 */
export function defineAppConfig(input: AppConfigInput): AppConfig {
  const problems = appConfigProblems(input);
  if (problems.length > 0) {
    throw new AppConfigError(
      `${APP_CONFIG_ERROR_PREFIX}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
  return Object.freeze({
    protectedPages: Object.freeze([...input.protectedPages]),
    session: Object.freeze({ ...input.session }),
  });
}
