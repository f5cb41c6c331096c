import {
  BACKENDS,
  BACKEND_LABELS,
  DATABASES,
  DATABASE_LABELS,
  DEFAULT_STACK,
  PACKAGE_MANAGERS,
  SESSIONS,
  SESSION_LABELS,
} from "./options.js";
import { DEFAULT_DATABASE, DEFAULT_PROJECT_NAME } from "./prompts.js";
import { CLI_NAME, CLI_VERSION } from "./version.js";

function describe<T extends string>(values: readonly T[], labels: Record<T, string>): string {
  return values.map((value) => `      ${value.padEnd(10)}${labels[value]}`).join("\n");
}

/** `--help`, built from the option tuples so it cannot drift from what is accepted. */
export function helpText(): string {
  return `${CLI_NAME} ${CLI_VERSION}
Create a Next.js 16 app with next-auth, refresh-token rotation and a backend proxy.

Usage
  npx ${CLI_NAME} [dir] [options]

  dir                     project directory; its last segment is the package name
                          (apps/@acme/portal → package @acme/portal). Default: ${DEFAULT_PROJECT_NAME}

Options
  --backend <style>       ${BACKENDS.join(" | ")} (default ${DEFAULT_STACK.backend})
${describe(BACKENDS, BACKEND_LABELS)}
  --session <storage>     ${SESSIONS.join(" | ")} (default ${DEFAULT_STACK.session})
${describe(SESSIONS, SESSION_LABELS)}
  --db <database>         ${DATABASES.join(" | ")}, only with --session db (default ${DEFAULT_DATABASE})
${describe(DATABASES, DATABASE_LABELS)}
  --package-manager <pm>  ${PACKAGE_MANAGERS.join(" | ")} (default: the one running this, else npm)
  --install, --no-install install dependencies (default: install)
  --git, --no-git         git init and an initial commit (default: yes, unless inside a repository)
  -y, --yes               never prompt; use defaults for whatever was not given
  --dry-run               list the files that would be written and write nothing
  -h, --help              show this help
  -v, --version           print the version

Without a terminal (CI, scripts) it never prompts: defaults are used and named.
Exit status: 0 success, 1 failure, 2 usage error.

Example
  npx ${CLI_NAME} my-app --backend nestjs --session db --db postgres --yes
`;
}
