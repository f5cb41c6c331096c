import type { Output } from "./io.js";

/** A running progress indicator; `stop` must be called exactly once. */
export interface Progress {
  stop(): void;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * Show that `label` is still running: a spinner with the elapsed seconds on a
 * terminal, and on pipes (CI logs) one line now and one every 30 s, because
 * carriage-return animation turns into thousands of lines in a log file.
 */
export function startProgress(out: Output, label: string, now: () => number = Date.now): Progress {
  const started = now();
  const seconds = () => Math.round((now() - started) / 1000);
  if (out.isTTY) {
    let frame = 0;
    const draw = () => out.write(`\r\u001b[2K${FRAMES[frame++ % FRAMES.length]} ${label} ${seconds()}s`);
    draw();
    const timer = setInterval(draw, 100);
    timer.unref();
    return {
      stop() {
        clearInterval(timer);
        out.write("\r\u001b[2K");
      },
    };
  }
  out.write(`${label}…\n`);
  const timer = setInterval(() => out.write(`  still running (${seconds()}s)\n`), 30_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
