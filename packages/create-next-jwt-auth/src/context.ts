import type { Backend, Database, PackageManager, Session, Stack } from "./options.js";
import { APP_NODE_LTS, appNodeFloor } from "./version.js";
import { VERSIONS } from "./versions.js";

/** Demo credentials of every built-in mock backend (printed by the CLI and the README). */
export const DEMO_USER = { username: "demo", password: "demo-password" } as const;

/** The values a `*.hbs` template can use. Keep it flat and boolean-friendly. */
export interface TemplateContext {
  projectName: string;
  backend: Backend;
  session: Session;
  db: Database | undefined;
  packageManager: PackageManager;
  isDrupal: boolean;
  isRest: boolean;
  isNestjs: boolean;
  isJwt: boolean;
  isDb: boolean;
  isSqlite: boolean;
  isPostgres: boolean;
  /** pnpm-only files (`.pnpmfile.cjs`) render only for pnpm projects. */
  isPnpm: boolean;
  /** e.g. `npm run dev`, `pnpm dev`, `yarn dev`, `bun run dev`. */
  run: Record<"dev" | "build" | "start" | "test" | "testE2e" | "lint" | "typecheck", string>;
  /** e.g. `npm install`. */
  install: string;
  demoUser: typeof DEMO_USER;
  versions: typeof VERSIONS;
  /** The oldest Node.js the app supports, e.g. `22.12` (its `engines.node` is `>=` this). */
  nodeFloor: string;
  /** The Node.js line `.nvmrc` names, e.g. `26`. */
  nodeLts: string;
}

/** The command that runs a package.json script with the given package manager. */
export function runScript(pm: PackageManager, script: string): string {
  if (pm === "npm" || pm === "bun") return `${pm} run ${script}`;
  return `${pm} ${script}`;
}

/** Build the template context for a project. */
export function createContext(input: {
  projectName: string;
  stack: Stack;
  packageManager: PackageManager;
}): TemplateContext {
  const { projectName, stack, packageManager: pm } = input;
  return {
    projectName,
    backend: stack.backend,
    session: stack.session,
    db: stack.db,
    packageManager: pm,
    isDrupal: stack.backend === "drupal",
    isRest: stack.backend === "rest",
    isNestjs: stack.backend === "nestjs",
    isJwt: stack.session === "jwt",
    isDb: stack.session === "db",
    isSqlite: stack.db === "sqlite",
    isPostgres: stack.db === "postgres",
    isPnpm: pm === "pnpm",
    run: {
      dev: runScript(pm, "dev"),
      build: runScript(pm, "build"),
      start: runScript(pm, "start"),
      test: runScript(pm, "test"),
      testE2e: runScript(pm, "test:e2e"),
      lint: runScript(pm, "lint"),
      typecheck: runScript(pm, "typecheck"),
    },
    install: `${pm} install`,
    demoUser: DEMO_USER,
    versions: VERSIONS,
    nodeFloor: appNodeFloor(stack).join("."),
    nodeLts: APP_NODE_LTS,
  };
}
