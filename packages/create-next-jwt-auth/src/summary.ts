import { DEMO_USER, runScript } from "./context.js";
import type { GitResult } from "./git.js";
import type { InstallResult } from "./install.js";
import {
  BACKEND_LABELS,
  DATABASE_LABELS,
  SESSION_LABELS,
  type PackageManager,
  type Stack,
} from "./options.js";
import type { ProjectTarget } from "./project-target.js";
import type { Style } from "./style.js";
import { CLI_NAME, CLI_VERSION } from "./version.js";

/** Quote a word for POSIX shells only when it needs it, so common commands stay readable. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The one-line, prompt-free command that generates the same project again: every
 * choice spelled out, so it still means the same thing if defaults change.
 */
export function reproduceCommand(input: {
  target: ProjectTarget;
  stack: Stack;
  packageManager: PackageManager;
  install: boolean;
  git: boolean;
}): string {
  const { stack } = input;
  return [
    "npx",
    `${CLI_NAME}@${CLI_VERSION}`,
    shellQuote(input.target.display),
    "--backend",
    stack.backend,
    "--session",
    stack.session,
    ...(stack.db ? ["--db", stack.db] : []),
    "--package-manager",
    input.packageManager,
    ...(input.install ? [] : ["--no-install"]),
    ...(input.git ? [] : ["--no-git"]),
    "--yes",
  ].join(" ");
}

/** What the finished project looks like from the outside, for the closing message. */
export interface SummaryInput {
  target: ProjectTarget;
  stack: Stack;
  packageManager: PackageManager;
  packageManagerSpec: string | undefined;
  fileCount: number;
  seconds: number;
  /** undefined: not attempted (--no-install, or `installSkipped`). */
  install: InstallResult | undefined;
  /** Why the install was not attempted although asked for (this Node is older than the app needs). */
  installSkipped?: string | undefined;
  /** undefined: not attempted (--no-git). */
  git: GitResult | undefined;
  /** Script names of the generated package.json; next steps only mention scripts that exist. */
  scripts: ReadonlySet<string>;
  /** Variable names documented in the generated .env.example. */
  envVariables: ReadonlySet<string>;
  /** The install command line for this project, e.g. `pnpm install --ignore-workspace`. */
  installCommand: string;
  reproduce: string;
}

/** The closing message: choices, next steps, demo credentials, the reproduce command. */
export function summaryText(input: SummaryInput, style: Style): string {
  const pm = input.packageManager;
  const { stack } = input;
  const row = (label: string, value: string) => `  ${style.dim(label.padEnd(17))}${value}`;
  const lines: string[] = [
    "",
    `${style.green("✔")} Created ${style.bold(input.target.name)} in ${input.target.dir} ` +
      `(${input.fileCount} files in ${formatDuration(input.seconds)})`,
    "",
    row("backend", `${stack.backend} — ${BACKEND_LABELS[stack.backend]}`),
    row("session", `${stack.session} — ${SESSION_LABELS[stack.session]}`),
    ...(stack.db ? [row("database", `${stack.db} — ${DATABASE_LABELS[stack.db]}`)] : []),
    row("package manager", input.packageManagerSpec ?? `${pm} (version unknown: no packageManager field written)`),
    row("dependencies", input.installSkipped ? style.yellow(`not installed: ${input.installSkipped}`) : installLine(input.install, style)),
    row("git", gitLine(input.git, style)),
    "",
    style.bold("Next steps"),
  ];

  const step = (command: string, note = "") =>
    lines.push(note ? `  ${style.cyan(command.padEnd(24))}${note}` : `  ${style.cyan(command)}`);
  if (input.target.display !== ".") step(`cd ${shellQuote(input.target.display)}`);
  if (!input.install?.ok) step(input.installCommand);
  if (stack.db === "postgres" && input.envVariables.has("DATABASE_URL")) {
    lines.push(`  set DATABASE_URL in .env.local to your PostgreSQL database`);
  }
  // No db:migrate step: the app creates its session tables on first use (the README says
  // so too); db:migrate is for deploys that migrate ahead, documented there.
  if (input.scripts.has("dev")) step(runScript(pm, "dev"), "the app with the built-in mock backend");
  lines.push(
    `  ${"".padEnd(24)}open http://localhost:3000 and sign in as ${style.bold(DEMO_USER.username)} / ${style.bold(DEMO_USER.password)}`,
  );
  if (input.scripts.has("test")) step(runScript(pm, "test"), "unit tests");
  if (input.scripts.has("test:e2e")) step(runScript(pm, "test:e2e"), "browser tests");
  lines.push(
    "",
    style.bold("Your real backend"),
    `  Set BACKEND_URL and the ${stack.backend} settings in .env.local; .env.example documents every variable.`,
    input.scripts.has("dev:next")
      ? `  Then run ${style.cyan(runScript(pm, "dev:next"))} to start Next.js without the mock.`
      : `  Then stop the mock and start Next.js alone.`,
    "  .env.local holds a freshly generated NEXTAUTH_SECRET and is git-ignored.",
    "",
    style.bold("Reproduce without prompts"),
    `  ${input.reproduce}`,
    "",
  );
  return lines.join("\n");
}

/** Under a second in milliseconds, so a fast run does not read "0s". */
export function formatDuration(seconds: number): string {
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(1)} s`;
}

function installLine(result: InstallResult | undefined, style: Style): string {
  if (result === undefined) return "not installed (--no-install)";
  return result.ok ? `installed in ${result.seconds}s` : style.red("install failed (see above); the project is complete");
}

function gitLine(result: GitResult | undefined, style: Style): string {
  if (result === undefined) return "skipped (--no-git)";
  if (result.status === "committed") return "initialised with an initial commit";
  if (result.status === "skipped") return `skipped: ${result.reason}`;
  return style.yellow(`no repository: ${result.reason}`);
}
