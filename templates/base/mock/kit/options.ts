/** Options every style's `createMockBackend` takes. */
export interface MockOptions {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Injected clock for tests. */
  now?: () => number;
}
