/** Stable error codes: scripts and tests match on these, never on message text. */
export const ERROR_CODES = [
  "USAGE",
  "INVALID_NAME",
  "INVALID_OPTION",
  "INVALID_COMBINATION",
  "TARGET_NOT_EMPTY",
  "TARGET_BROKEN_LINK",
  "TEMPLATE",
  "WRITE_FAILED",
  "CANCELLED",
  "MANIFEST_INVALID",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Usage errors exit with 2, everything else with 1 (see `exitCodeFor`). */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set([
  "USAGE",
  "INVALID_NAME",
  "INVALID_OPTION",
  "INVALID_COMBINATION",
]);

/**
 * The one error type the CLI throws on purpose. The top-level catch prints
 * `message` (and `details`, one per line) without a stack trace.
 */
export class CliError extends Error {
  override readonly name = "CliError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Exit status for an error: 2 for usage errors, 1 for any other failure. */
export function exitCodeFor(error: unknown): 1 | 2 {
  return error instanceof CliError && USAGE_CODES.has(error.code) ? 2 : 1;
}
