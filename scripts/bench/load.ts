/**
 * Load generation with autocannon, keeping every response time at full
 * precision (autocannon's own histogram rounds to whole milliseconds, too
 * coarse for a 2 ms budget).
 */
import autocannon from "autocannon";
import { percentile, round } from "./stats.js";

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  /** Requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  /** Responses other than 2xx, and connection errors: any of them voids the run. */
  non2xx: number;
  errors: number;
}

/** `connections` clients sending `GET url` with `headers` back to back for `seconds`. */
export async function load(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.seconds, headers: options.headers ?? {} },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  if (times.length === 0) throw new Error(`${url}: no response in ${options.seconds} s`);
  return {
    connections: options.connections,
    seconds: options.seconds,
    requests: times.length,
    rps: round(times.length / options.seconds, 0),
    p50: round(percentile(times, 50), 3),
    p99: round(percentile(times, 99), 3),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Throw unless every response of the run was a 2xx: a fast error page proves nothing. */
export function assertAllOk(what: string, result: LoadResult): void {
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${what}: ${result.non2xx} non-2xx responses and ${result.errors} errors out of ${result.requests}`);
  }
}
