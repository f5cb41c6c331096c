import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createMockBackend } from "./backend";
import { serveMock } from "./kit/server";
import { isPortInUse, portInUseMessage } from "./port-in-use";

describe("a taken mock port", () => {
  it("is recognised from the listen error, and the message names MOCK_PORT", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await serveMock(
        await createMockBackend({ accessTtlSeconds: 60, refreshTtlSeconds: 3600 }),
        port,
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isPortInUse(error)).toBe(true);
      expect(portInUseMessage(port)).toMatch(
        new RegExp(`^port ${port} is already in use: set MOCK_PORT`),
      );
      expect(portInUseMessage(port).split("\n")).toHaveLength(1);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it.each([
    { error: Object.assign(new Error("listen"), { code: "EADDRINUSE" }), taken: true },
    { error: Object.assign(new Error("listen"), { code: "EACCES" }), taken: false },
    { error: "EADDRINUSE", taken: false },
    { error: null, taken: false },
  ])("$error is a taken port: $taken", ({ error, taken }) => {
    expect(isPortInUse(error)).toBe(taken);
  });
});
