/**
 * Exact versions of every dependency a generated app may use. Template layers
 * refer to these with the value "catalog:" in their package.json fragments; the
 * renderer substitutes the pin and refuses a name missing here.
 *
 * Known to work together on Node 22.12+ (22.14+ with SQLite), 24 and 26 — the
 * apps' floor is `appNodeFloor` in version.ts. Bump them together and let CI
 * (every stack generated, built and tested on 22, 24 and 26) prove the new set.
 *
 * Held back on purpose:
 * - typescript at 6.0: typescript-eslint 8, which eslint-config-next uses,
 *   supports `>=4.8.4 <6.1.0`; 7.x is outside it.
 * - eslint at 9: eslint-config-next 16.4.6 accepts `>=9`, and lint runs clean on
 *   10.15, but three plugins it depends on (eslint-plugin-react 7.37.5,
 *   eslint-plugin-import 2.32.0, eslint-plugin-jsx-a11y 6.10.2, their newest
 *   releases) declare ESLint 9 at most, so every install of a new app would
 *   open with unmet-peer warnings (pnpm) or ERESOLVE overrides (npm) and rules
 *   run on an ESLint their authors never tested. Move when they declare 10.
 */
export const VERSIONS = {
  // runtime
  next: "16.4.6",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "next-auth": "4.24.15",
  jose: "6.2.17",
  zod: "4.6.7",
  "server-only": "0.0.1",
  "better-sqlite3": "13.2.0",
  pg: "8.23.1",
  // tooling
  typescript: "6.0.3",
  "@types/node": "22.20.5",
  "@types/react": "19.3.0",
  "@types/react-dom": "19.3.0",
  "@types/better-sqlite3": "9.6.0",
  "@types/pg": "8.23.1",
  tailwindcss: "4.3.5",
  "@tailwindcss/postcss": "4.3.5",
  eslint: "9.39.5",
  "eslint-config-next": "16.4.6",
  prettier: "3.10.1",
  vitest: "5.1.1",
  "@playwright/test": "1.65.1",
  "fast-check": "4.10.2",
  tsx: "4.23.15",
  concurrently: "9.2.5",
  // 4.14 needs Node >= 22.12; 4.13 runs on the Node 20 the apps support.
  "@axe-core/playwright": "4.13.0",
  // session-db: browser, OS and device of a session, from its user agent (MIT, no dependencies).
  bowser: "2.15.1",
} as const satisfies Record<string, string>;

export type DependencyName = keyof typeof VERSIONS;
