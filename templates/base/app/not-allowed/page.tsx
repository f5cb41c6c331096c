/**
 * What proxy.ts renders, with HTTP 403, in place of a page app.config.ts gives
 * a role, for a signed-in user without it: the same page as app/forbidden.tsx
 * (what the page's own check shows), rendered on the server so it needs no
 * JavaScript.
 */
export { default, metadata } from "../forbidden";
