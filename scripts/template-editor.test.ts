/**
 * What an editor sees in `templates/`: TypeScript's language server (the one
 * VS Code and other editors run) opening a file of each layer picks a
 * combination's tsconfig through `templates/tsconfig.json` and reports no
 * error, though the file imports other layers' files.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { combinations, TEMPLATES } from "./template-layers.js";

interface Response {
  request_seq: number;
  success: boolean;
  body?: unknown;
}

/** A tsserver child speaking its JSON protocol, one request at a time. */
function startServer() {
  const child = spawn(process.execPath, [join(TEMPLATES, "node_modules/typescript/lib/tsserver.js"), "--disableAutomaticTypingAcquisition"], {
    cwd: TEMPLATES,
    stdio: ["pipe", "pipe", "ignore"],
  });
  const waiting = new Map<number, (response: Response) => void>();
  let seq = 0;
  let buffer = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, end).trim();
      buffer = buffer.slice(end + 1);
      if (!line.startsWith("{")) continue; // Content-Length headers and blank lines
      const message = JSON.parse(line) as Response & { type: string };
      if (message.type === "response") waiting.get(message.request_seq)?.(message);
    }
  });
  const send = (command: string, args: object) => {
    seq += 1;
    child.stdin.write(`${JSON.stringify({ seq, type: "request", command, arguments: args })}\n`);
    return seq;
  };
  return {
    open: (file: string) => void send("open", { file }),
    request: (command: string, args: object) =>
      new Promise<Response>((resolve) => waiting.set(send(command, args), resolve)),
    stop: () => child.kill(),
  };
}

/** The first TypeScript file of a layer, in path order. */
function firstFile(layer: string, dir = ""): string | undefined {
  const entries = readdirSync(join(TEMPLATES, layer, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isFile() && /\.tsx?$/.test(entry.name)) return rel;
    if (entry.isDirectory() && entry.name !== "node_modules") {
      const found = firstFile(layer, rel);
      if (found) return found;
    }
  }
  return undefined;
}

const referenced = combinations(); // every one is referenced; the editor order is checked in template-layers.test.ts
const layers = [...new Set(referenced.flatMap((c) => c.layers))].sort();

describe("an editor opening a file of templates/", () => {
  let server: ReturnType<typeof startServer>;
  beforeAll(() => {
    server = startServer();
  });
  afterAll(() => server.stop());

  it.each(layers.map((layer) => [layer, firstFile(layer)!] as const))(
    "checks %s/%s as part of a combination, without errors",
    async (layer, path) => {
      const file = join(TEMPLATES, layer, path);
      server.open(file);
      const info = await server.request("projectInfo", { file, needFileNameList: false });
      const config = (info.body as { configFileName: string }).configFileName;
      const combination = referenced.find((c) => join(TEMPLATES, "tsconfig", `${c.id}.json`) === config);
      expect(combination?.layers, config).toContain(layer);
      const diagnostics = await Promise.all(
        ["syntacticDiagnosticsSync", "semanticDiagnosticsSync"].map((command) => server.request(command, { file })),
      );
      expect(diagnostics.flatMap((d) => (d.body as { text: string }[]).map((x) => x.text))).toEqual([]);
    },
    120_000,
  );
});
