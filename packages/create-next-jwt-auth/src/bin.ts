import { runCli } from "./cli.js";
import { execaExec } from "./exec.js";
import { templatesRoot } from "./layers.js";
import { terminalPrompter } from "./prompts.js";

const code = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  nodeVersion: process.versions.node,
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: process.stdin.isTTY === true,
  prompter: terminalPrompter,
  exec: execaExec,
  templatesRoot,
});
// Exit explicitly: a stray handle (a prompt's stdin listener, a timer) must never keep
// a finished run alive. stdout and stderr are synchronous for files, pipes and TTYs on
// POSIX, so nothing written is lost.
process.exit(code);
