// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { LoggerInstance } from "next-auth";
import { createLogRateLimiter, type LogRateLimiter } from "./rate-limiter";

export interface AuthLoggerOptions {
  /** Where a line goes; console.error by default. */
  write?: (line: string) => void;
  limiter?: LogRateLimiter;
}

/** Longest message kept in a line; anything longer is cut. */
const MAX_MESSAGE = 200;

/**
 * One line of untrusted text: control characters (newlines included, so
 * nobody can forge a second log line) become spaces, and it is cut short.
 */
export function oneLine(text: string, max = MAX_MESSAGE): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The message of what next-auth passes as metadata: an Error, or `{ error, message? }`. */
function messageOf(metadata: unknown): string {
  if (metadata instanceof Error) return `${metadata.name}: ${metadata.message}`;
  if (metadata && typeof metadata === "object") {
    const { message, error } = metadata as { message?: unknown; error?: unknown };
    if (typeof message === "string") return message;
    if (error instanceof Error) return `${error.name}: ${error.message}`;
  }
  return String(metadata);
}

/**
 * next-auth's `logger`: one line per event instead of its multi-line dump
 * with a stack (a garbage session cookie alone printed ~16 lines), and at
 * most a few lines per code and minute, so requests anyone can send do not
 * flood the log. The first line after a quiet spell says how many were dropped.
 */
export function createAuthLogger(
  options: AuthLoggerOptions = {},
): Pick<LoggerInstance, "error" | "warn"> {
  const write = options.write ?? ((line: string) => console.error(line));
  const limiter = options.limiter ?? createLogRateLimiter({ limit: 5, windowMs: 60_000 });
  const log = (level: string, code: string, message?: string) => {
    const name = oneLine(String(code), 64);
    const verdict = limiter.take(`${level}:${name}`);
    if (!verdict.write) return;
    const dropped = verdict.dropped ? ` (${verdict.dropped} more not logged)` : "";
    write(`[next-auth][${level}][${name}]${message ? ` ${oneLine(message)}` : ""}${dropped}`);
  };
  return {
    error: (code, metadata) => log("error", code, messageOf(metadata)),
    warn: (code) => log("warn", code),
  };
}

/** The logger of this process: its rate limits hold across requests. */
export const authLogger = createAuthLogger();
