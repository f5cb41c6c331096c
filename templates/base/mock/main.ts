/**
 * Start the built-in mock backend: `tsx mock/main.ts` (the `dev` and `mock`
 * scripts do it for you). Lifetimes are short on purpose so that refresh
 * rotation is easy to watch; change them with the env variables below.
 */
import { createMockBackend } from "./backend";
import { serveMock } from "./kit/server";

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`[mock] ${name} must be a positive whole number of seconds, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

const port = seconds("MOCK_PORT", 4010);
const backend = await createMockBackend({
  accessTtlSeconds: seconds("MOCK_ACCESS_TTL", 60),
  refreshTtlSeconds: seconds("MOCK_REFRESH_TTL", 3600),
});
const running = await serveMock(backend, port);
console.log(`[mock] ${process.env.MOCK_NAME ?? "backend"} listening on ${running.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void running.close().finally(() => process.exit(0));
  });
}
