import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import validateNpmPackageName from "validate-npm-package-name";
import { CliError } from "./errors.js";

/** Where the project goes and what its package is called. */
export interface ProjectTarget {
  /** Absolute directory. */
  dir: string;
  /** The `name` of the generated package.json, e.g. `my-app` or `@acme/portal`. */
  name: string;
  /** How to refer to the directory in messages and `cd`: relative to the cwd when inside it. */
  display: string;
}

/**
 * Every reason `name` cannot be the name of a new npm package (validate-npm-package-name's
 * errors and warnings: both make a name unpublishable today). Empty when the name is fine.
 */
export function packageNameProblems(name: string): string[] {
  const result = validateNpmPackageName(name);
  return [...(result.errors ?? []), ...(result.warnings ?? [])];
}

/**
 * Turn the `[dir]` argument into a target. The package name is the last path segment,
 * or the last two when the one before is a scope, so `apps/@acme/portal` gives the
 * package `@acme/portal` in the directory `apps/@acme/portal`.
 */
export function projectTarget(input: string, cwd: string): ProjectTarget {
  const trimmed = input.trim();
  if (trimmed === "") throw new CliError("INVALID_NAME", "the project directory cannot be empty");
  const dir = resolve(cwd, trimmed);
  const base = basename(dir);
  const parent = basename(dirname(dir));
  const name = parent.startsWith("@") ? `${parent}/${base}` : base;
  const problems = packageNameProblems(name);
  if (problems.length > 0) {
    throw new CliError("INVALID_NAME", `"${name}" cannot be used as an npm package name:`, problems);
  }
  return { dir, name, display: displayPath(dir, cwd) };
}

/** A `validate` function for the project-name prompt: `true` or the problems in one line. */
export function validateProjectInput(input: string, cwd: string): true | string {
  try {
    projectTarget(input, cwd);
    return true;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return [error.message.replace(/:$/, ""), ...error.details].join("; ");
  }
}

function displayPath(dir: string, cwd: string): string {
  const rel = relative(cwd, dir);
  if (rel === "") return ".";
  return rel.startsWith("..") || isAbsolute(rel) ? dir : rel;
}
