import type { MockRequest, MockResponse } from "./http";

/**
 * Misbehaviour the end-to-end tests switch on with `POST /__mock/faults` (and
 * off with `{}` or `POST /__mock/reset`). Test control only: a real backend
 * has no such endpoint and the app never calls it.
 */
export interface MockFaults {
  /** Every refresh waits `delayMs`, then answers `status` without touching a token: an outage. */
  refresh?: { status: number; delayMs: number };
  /**
   * Paths that answer 401 whatever the token: an API that uses 401 for one
   * resource ("current password is wrong") while the token is good.
   */
  unauthorizedPaths?: string[];
}

/** Read a `POST /__mock/faults` body; `undefined` when it is not a faults object. */
export function parseFaults(text: string): MockFaults | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text || "{}");
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { refresh, unauthorizedPaths } = value as Record<string, unknown>;
  const faults: MockFaults = {};
  if (refresh !== undefined) {
    const { status, delayMs } = (refresh ?? {}) as Record<string, unknown>;
    if (!Number.isInteger(status) || !Number.isInteger(delayMs)) return undefined;
    faults.refresh = { status: status as number, delayMs: delayMs as number };
  }
  if (unauthorizedPaths !== undefined) {
    if (!Array.isArray(unauthorizedPaths) || !unauthorizedPaths.every((p) => typeof p === "string"))
      return undefined;
    faults.unauthorizedPaths = unauthorizedPaths as string[];
  }
  return faults;
}

/**
 * The faults switched on now, and how many refreshes the `refresh` fault has
 * held so far (tests wait for one to be in flight before the next request).
 */
export class FaultSwitch {
  private faults: MockFaults = {};
  private held = 0;

  /** Replace the faults (`{}` switches everything off); the held count starts again at 0. */
  set(faults: MockFaults): void {
    this.faults = faults;
    this.held = 0;
  }

  /** What `GET /__mock/faults` shows. */
  get state(): MockFaults & { heldRefreshes: number } {
    return { ...this.faults, heldRefreshes: this.held };
  }

  /**
   * The answer a switched-on fault gives `request`, or `undefined` to let the
   * style's handler answer. `isRefresh` is the style's own test for its
   * refresh request (path, and for OAuth the grant type).
   */
  async respond(
    request: MockRequest,
    isRefresh: (request: MockRequest) => boolean,
  ): Promise<MockResponse | undefined> {
    const { refresh, unauthorizedPaths } = this.faults;
    if (refresh && isRefresh(request)) {
      this.held += 1;
      await new Promise((resolve) => setTimeout(resolve, refresh.delayMs));
      return { status: refresh.status, body: { message: "Service Unavailable" } };
    }
    if (unauthorizedPaths?.includes(request.path)) {
      return { status: 401, body: { message: "Unauthorized" } };
    }
    return undefined;
  }
}
