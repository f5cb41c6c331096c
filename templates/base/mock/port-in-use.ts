/** Is `error` a listen failure because the port is taken? */
export function isPortInUse(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "EADDRINUSE"
  );
}

/** The one line the mock prints when its port is taken: which variable to change, and where. */
export function portInUseMessage(port: number): string {
  return (
    `port ${port} is already in use: set MOCK_PORT to a free port ` +
    `(in .env.local, or MOCK_PORT=${port + 1} in front of the command); BACKEND_URL follows it.`
  );
}
