import { spawn } from "node:child_process";

/** A finished git command: its raw stdout (binary-safe), stderr text and whether it exited 0. */
export interface GitOutput {
  ok: boolean;
  stdout: Buffer;
  stderr: string;
}

/**
 * Run git in `cwd` and collect its output as bytes. Not the CLI's `Exec`: blobs
 * are read byte for byte (an image must not pass through a string), and
 * `cat-file --batch` needs its stdin. A missing git is an unsuccessful result.
 */
export function git(cwd: string, args: readonly string[], input?: string): Promise<GitOutput> {
  return new Promise((resolve) => {
    const child = spawn("git", [...args], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => resolve({ ok: false, stdout: Buffer.alloc(0), stderr: error.message }));
    child.on("close", (code) =>
      resolve({ ok: code === 0, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8").trim() }),
    );
    child.stdin.on("error", () => {
      // git exited before reading everything (a bad revision): the exit code says so.
    });
    child.stdin.end(input ?? "");
  });
}

/** git's answer as trimmed text, or undefined when the command failed. */
export async function gitText(cwd: string, args: readonly string[]): Promise<string | undefined> {
  const result = await git(cwd, args);
  return result.ok ? result.stdout.toString("utf8").trim() : undefined;
}

/**
 * The contents of many blobs through one `git cat-file --batch`: object id → bytes.
 * Ids git does not know are left out.
 */
export async function readBlobs(cwd: string, ids: Iterable<string>): Promise<Map<string, Buffer>> {
  const unique = [...new Set(ids)];
  const blobs = new Map<string, Buffer>();
  if (unique.length === 0) return blobs;
  const result = await git(cwd, ["cat-file", "--batch"], unique.map((id) => `${id}\n`).join(""));
  const out = result.stdout;
  let offset = 0;
  while (offset < out.length) {
    const newline = out.indexOf(0x0a, offset);
    if (newline < 0) break;
    const header = out.subarray(offset, newline).toString("utf8").split(" ");
    offset = newline + 1;
    if (header[1] === "missing" || header.length < 3) continue;
    const size = Number(header[2]);
    if (header[1] === "blob") blobs.set(header[0]!, Buffer.from(out.subarray(offset, offset + size)));
    offset += size + 1;
  }
  return blobs;
}
