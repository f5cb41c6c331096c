// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { AttemptOutcome } from "./login-throttle";

/**
 * The credentials sign-in the route reserved in the login throttle, as
 * `authorize` sees it: the username the reservation was made for, and the
 * outcome `authorize` reports back for the route to settle.
 */
export interface SignInAttempt {
  /** The username exactly as the route read it from the body next-auth reads. */
  readonly username: string;
  outcome: AttemptOutcome;
}

const KEY = Symbol.for("create-next-jwt-auth.sign-in-attempt");
type Holder = { [KEY]?: AsyncLocalStorage<SignInAttempt> };

/**
 * One context for every bundle of the app (route handlers and server
 * components are built separately), so a reservation made in the route is
 * seen by `authorize` whichever copy of this module it runs in.
 */
function context(): AsyncLocalStorage<SignInAttempt> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new AsyncLocalStorage<SignInAttempt>());
}

/** Run next-auth's handling of one credentials sign-in with `attempt` as its reservation. */
export function withSignInAttempt<T>(attempt: SignInAttempt, run: () => Promise<T>): Promise<T> {
  return context().run(attempt, run);
}

/** The reservation of the sign-in being handled, if the route made one. */
export function currentSignInAttempt(): SignInAttempt | undefined {
  return context().getStore();
}
