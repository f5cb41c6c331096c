import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Exec } from "../exec.js";
import { UNTRACKED_PATHS, type ManifestOptions } from "../manifest.js";
import type { FileTree } from "../render.js";
import { CLI_NAME } from "../version.js";

/** What an earlier version rendered, or why it could not be had. */
export type PublishedResult = { ok: true; files: FileTree } | { ok: false; reason: string };

/**
 * Renders an app with a published version of the CLI. Injected, so tests decide
 * whether the registry has that version.
 */
export type PublishedRenderer = (version: string, options: ManifestOptions) => Promise<PublishedResult>;

/** Relative POSIX paths of the regular files under `dir`. */
function readTree(dir: string, prefix = "", out: FileTree = new Map()): FileTree {
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) readTree(dir, rel, out);
    else if (entry.isFile() && !UNTRACKED_PATHS.has(rel)) out.set(rel, readFileSync(join(dir, rel)));
  }
  return out;
}

const firstLine = (text: string) =>
  text.split("\n").map((line) => line.replace(/^npm (error|ERR!)\s*/, "").trim()).find((line) => line !== "") ?? "";

/**
 * The published renderer through the package manager: `npm pack
 * create-next-jwt-auth@<version>` into a temporary folder, then that version's own
 * bundled CLI renders the app there without installing or committing. Its
 * `packageManager` field comes from the user agent it is given, as when the app
 * was made. Everything happens in a temporary folder that is removed afterwards;
 * any failure (not published, offline, a different layout) is a reason, not an error.
 */
export function npmPublishedRenderer(exec: Exec, nodePath: string = process.execPath): PublishedRenderer {
  return async (version, options) => {
    const work = mkdtempSync(join(tmpdir(), "cnja-upgrade-"));
    try {
      const packed = await exec(
        "npm",
        ["pack", `${CLI_NAME}@${version}`, "--pack-destination", work, "--ignore-scripts", "--fetch-retries=0", "--fetch-timeout=20000", "--loglevel=error"],
        { cwd: work, timeoutMs: 60_000 },
      );
      if (!packed.ok) return { ok: false, reason: `npm pack ${CLI_NAME}@${version} failed: ${firstLine(packed.output) || packed.reason}` };
      const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
      if (!tarball) return { ok: false, reason: `npm pack ${CLI_NAME}@${version} wrote no tarball` };
      const unpacked = await exec("tar", ["-xzf", tarball], { cwd: work, timeoutMs: 60_000 });
      if (!unpacked.ok) return { ok: false, reason: `cannot unpack ${tarball}: ${firstLine(unpacked.output) || unpacked.reason}` };

      const out = join(work, "render");
      const args = [
        join(work, "package", "dist", "index.js"),
        join(out, options.name),
        "--backend",
        options.backend,
        "--session",
        options.session,
        ...(options.db ? ["--db", options.db] : []),
        "--package-manager",
        options.packageManager,
        "--no-install",
        "--no-git",
        "--yes",
      ];
      const agentVersion = options.packageManagerSpec?.split("@")[1];
      const env: Record<string, string> = {
        npm_config_user_agent: `${options.packageManager}/${agentVersion ?? "?"} npm/? node/v${process.versions.node}`,
        NO_COLOR: "1",
      };
      const rendered = await exec(nodePath, args, { cwd: work, timeoutMs: 120_000, env });
      if (!rendered.ok) return { ok: false, reason: `${CLI_NAME}@${version} did not render the app: ${firstLine(rendered.output) || rendered.reason}` };
      return { ok: true, files: readTree(join(out, options.name)) };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };
}
