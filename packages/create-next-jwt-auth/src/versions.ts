/**
 * Exact versions of every dependency a generated app may use. Template layers
 * refer to these with the value "catalog:" in their package.json fragments; the
 * renderer substitutes the pin and refuses a name missing here.
 *
 * Known to work together on Node 20.9+ and Node 24. Bump them together and let
 * CI (every stack generated, built and tested) prove the new set.
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
  "better-sqlite3": "12.11.1",
  pg: "8.23.1",
  // tooling
  typescript: "5.9.3",
  "@types/node": "20.19.43",
  "@types/react": "19.3.0",
  "@types/react-dom": "19.3.0",
  "@types/better-sqlite3": "9.6.0",
  "@types/pg": "8.23.1",
  tailwindcss: "4.3.5",
  "@tailwindcss/postcss": "4.3.5",
  eslint: "9.39.5",
  "eslint-config-next": "16.4.6",
  prettier: "3.10.1",
  vitest: "4.1.12",
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
