import { defineAppConfig } from "@/lib/next-jwt-auth/config/app-config";

/**
 * The app's routes and session defaults, declared once. `proxy.ts`, the page
 * guards (`requireSession`) and the environment's defaults read this file;
 * a mistake here stops the server at start-up with a message naming it.
 */
export default defineAppConfig({
  // Pages that need a session, each with everything below it. A new protected
  // page only needs its prefix here (and `requireSession()` in the page).
  protectedPages: ["/dashboard", "/account"],
  // Defaults; SESSION_IDLE_TIMEOUT and SESSION_ABSOLUTE_TIMEOUT override them.
  session: {
    idleTimeoutSeconds: 30 * 60,
    absoluteTimeoutSeconds: 12 * 60 * 60,
  },
});
