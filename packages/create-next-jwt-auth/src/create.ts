import { parseCliArgs } from "./args.js";
import { resolveChoices } from "./choices.js";
import { CliError } from "./errors.js";
import type { Exec } from "./exec.js";
import { initGitRepository, type GitResult } from "./git.js";
import { helpText } from "./help.js";
import { installDependencies, type InstallResult } from "./install.js";
import type { Output } from "./io.js";
import { choosePackageManager, enclosingPnpmWorkspace, installCommand, packageManagerSpec } from "./package-manager.js";
import { dryRunText } from "./dry-run.js";
import { envVariableNames, projectFiles, scriptNames } from "./project-files.js";
import type { Prompter } from "./prompts.js";
import { createStyle } from "./style.js";
import { reproduceCommand, shellQuote, summaryText } from "./summary.js";
import { assertTargetFree } from "./target-dir.js";
import { appNodeFloor, CLI_VERSION, MIN_NODE, nodeIsSupported } from "./version.js";
import type { PublishedRenderer } from "./upgrade/published-render.js";
import { writeTree } from "./write-tree.js";

/** Everything the CLI touches in the outside world, injected so tests control it. */
export interface CliEnvironment {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  nodeVersion: string;
  stdout: Output;
  stderr: Output;
  /** Whether a person can answer prompts (stdin is a TTY). */
  stdinIsTTY: boolean;
  prompter: Prompter;
  exec: Exec;
  templatesRoot: () => string;
  now?: () => number;
  /** How `upgrade` renders an app with a published version (default: `npm pack` it); tests inject one. */
  published?: PublishedRenderer;
}

/**
 * Create a project as the command line asks. Returns the exit status for runs that
 * finish (0, or 1 when the install failed but the project was written); throws
 * `CliError` for everything that stops before writing.
 */
export async function create(io: CliEnvironment): Promise<0 | 1> {
  const now = io.now ?? Date.now;
  const args = parseCliArgs(io.argv);
  if (args.help) {
    io.stdout.write(helpText());
    return 0;
  }
  if (args.version) {
    io.stdout.write(`${CLI_VERSION}\n`);
    return 0;
  }
  if (!nodeIsSupported(io.nodeVersion)) {
    throw new CliError("USAGE", `Node.js ${MIN_NODE.join(".")} or newer is required; this is ${io.nodeVersion}.`);
  }

  const style = createStyle(io.stdout, io.env);
  const interactive = io.stdinIsTTY && !args.yes;
  const choices = await resolveChoices(args, { cwd: io.cwd, interactive, prompter: io.prompter });
  if (choices.defaulted.length > 0) {
    const why = args.yes ? "--yes" : "no terminal to ask in";
    io.stdout.write(`Using defaults (${why}): ${choices.defaulted.join(", ")}\n`);
  }
  const { target, stack } = choices;

  const userAgent = io.env.npm_config_user_agent;
  const packageManager = choosePackageManager(args.packageManager, userAgent);
  const spec = await packageManagerSpec(packageManager, userAgent, io.exec, io.cwd, io.env.PATH);
  if (spec === undefined) {
    io.stdout.write(
      style.yellow(`Could not find out the ${packageManager} version; package.json gets no "packageManager" field.\n`),
    );
  }

  // Timed from here: answering prompts and asking the package manager are not generating.
  const started = now();
  const { tree, privatePaths } = projectFiles({
    templatesRoot: io.templatesRoot(),
    name: target.name,
    stack,
    packageManager,
    packageManagerSpec: spec,
  });
  assertTargetFree(target.dir, target.display, tree.keys());

  const install = args.install ?? true;
  const git = args.git ?? true;
  const reproduce = reproduceCommand({ target, stack, packageManager, install, git });

  const workspace = packageManager === "pnpm" ? enclosingPnpmWorkspace(target.dir) : undefined;
  const ignoreWorkspace = workspace !== undefined;
  const installLine = installCommand(packageManager, { ignoreWorkspace }).flat().join(" ");

  if (args.dryRun) {
    const text = dryRunText(
      { name: target.name, dir: target.dir, tree, privatePaths, installCommand: install ? installLine : undefined, git, reproduce },
      style,
    );
    io.stdout.write(text);
    return 0;
  }

  const fileCount = await writeTree(target.dir, tree, { privatePaths });
  const seconds = (now() - started) / 1000;
  io.stdout.write(`Wrote ${fileCount} files to ${target.dir}\n`);
  if (workspace) {
    io.stdout.write(
      `Note: ${target.display} is inside the pnpm workspace at ${workspace}; it is installed on its own ` +
        `(--ignore-workspace). To make it a workspace package instead, add it to that pnpm-workspace.yaml.\n`,
    );
  }

  // The CLI starts on Node 20.9, the app needs 22.12+: installing there would
  // fail later in confusing ways (engines warnings, a native module that crashes), so say why and skip.
  const floor = appNodeFloor(stack).join(".");
  const installSkipped =
    install && !nodeIsSupported(io.nodeVersion, appNodeFloor(stack))
      ? `this app needs Node.js ${floor} or newer (package.json "engines"), and this is Node.js ${io.nodeVersion.replace(/^v/, "")}`
      : undefined;
  if (installSkipped) {
    io.stderr.write(
      style.yellow(`! Not installing dependencies: ${installSkipped}.\n`) +
        `  Switch to Node.js ${floor}+ (\`nvm use\` reads the project's .nvmrc), then: cd ${shellQuote(target.display)} && ${installLine}\n`,
    );
  }

  let installed: InstallResult | undefined;
  if (install && !installSkipped) {
    installed = await installDependencies({ dir: target.dir, packageManager, ignoreWorkspace, exec: io.exec, out: io.stdout, now });
    if (!installed.ok) reportInstallFailure(io.stderr, installed, installLine, target.display, style);
  }

  let gitResult: GitResult | undefined;
  if (git) {
    gitResult = await initGitRepository(target.dir, io.exec, { neverCommit: [...privatePaths] });
    if (gitResult.status === "failed") {
      io.stderr.write(style.yellow(`! ${gitResult.reason}. The project has no git repository; run git init yourself.\n`));
    }
  }

  io.stdout.write(
    summaryText(
      {
        target,
        stack,
        packageManager,
        packageManagerSpec: spec,
        fileCount,
        seconds,
        install: installed,
        installSkipped,
        git: gitResult,
        scripts: scriptNames(tree),
        envVariables: envVariableNames(tree),
        installCommand: installLine,
        reproduce,
      },
      style,
    ),
  );
  return installed && !installed.ok ? 1 : 0;
}

function reportInstallFailure(
  out: Output,
  result: Extract<InstallResult, { ok: false }>,
  command: string,
  display: string,
  style: ReturnType<typeof createStyle>,
): void {
  const lines = [
    style.red(`✖ Installing dependencies failed: ${result.reason}`),
    ...(result.outputTail.length > 0 ? ["  last lines of its output:", ...result.outputTail.map((l) => `    ${l}`)] : []),
    "  The project itself is complete and was kept. To retry:",
    `    cd ${shellQuote(display)} && ${command}`,
    "",
  ];
  out.write(lines.join("\n"));
}
