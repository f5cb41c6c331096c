/**
 * Every choice the generator offers, declared once. Prompts, flags, help text,
 * the renderer and the CI matrix all derive from these tuples.
 */
export const BACKENDS = ["drupal", "rest", "nestjs"] as const;
export const SESSIONS = ["jwt", "db"] as const;
export const DATABASES = ["sqlite", "postgres"] as const;
export const PACKAGE_MANAGERS = ["npm", "pnpm", "yarn", "bun"] as const;

export type Backend = (typeof BACKENDS)[number];
export type Session = (typeof SESSIONS)[number];
export type Database = (typeof DATABASES)[number];
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** Human labels shown by prompts and the summary. */
export const BACKEND_LABELS: Record<Backend, string> = {
  drupal: "Drupal (simple_oauth password grant + JSON:API)",
  rest: "Generic REST (DummyJSON-style /auth/login, /auth/refresh, /auth/me)",
  nestjs: "NestJS (auth recipe: /auth/login, /auth/refresh with Bearer, /auth/profile)",
};

export const SESSION_LABELS: Record<Session, string> = {
  jwt: "Encrypted JWT cookie (no database)",
  db: "Database session (opaque cookie, tokens on the server, instant revocation)",
};

export const DATABASE_LABELS: Record<Database, string> = {
  sqlite: "SQLite (embedded, one machine)",
  postgres: "PostgreSQL (several instances)",
};

/** The stack a project is rendered for: the answer to every question. */
export interface Stack {
  backend: Backend;
  session: Session;
  /** Only meaningful when `session` is "db". */
  db: Database | undefined;
}

export const DEFAULT_STACK: Stack = { backend: "rest", session: "jwt", db: undefined };

/** Narrow an unknown string to one of a tuple's values. */
export function isOneOf<T extends readonly string[]>(values: T, value: unknown): value is T[number] {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

/**
 * Decide whether a combination of answers is valid. The single rule book used by
 * flag validation, prompts and the CI matrix.
 *
 * @returns `undefined` when valid, otherwise a sentence saying what is wrong.
 */
export function invalidStackReason(stack: Stack): string | undefined {
  if (stack.session === "jwt" && stack.db !== undefined) {
    return "--db only applies to --session db (the JWT cookie needs no database)";
  }
  if (stack.session === "db" && stack.db === undefined) {
    return "a database session needs a database (sqlite or postgres)";
  }
  return undefined;
}

/** Every valid stack, in a stable order: what CI generates and tests. */
export function allStacks(): Stack[] {
  const stacks: Stack[] = [];
  for (const backend of BACKENDS) {
    for (const session of SESSIONS) {
      const dbs: (Database | undefined)[] = session === "db" ? [...DATABASES] : [undefined];
      for (const db of dbs) {
        const stack = { backend, session, db };
        if (invalidStackReason(stack) === undefined) stacks.push(stack);
      }
    }
  }
  return stacks;
}

/** A short, filesystem-friendly id such as `drupal-db-postgres`. */
export function stackId(stack: Stack): string {
  return [stack.backend, stack.session, stack.db].filter(Boolean).join("-");
}
