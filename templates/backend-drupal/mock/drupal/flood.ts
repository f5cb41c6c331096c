/**
 * Drupal core's flood control, in memory: events per name inside a sliding
 * window. The mock sees every client as one IP address.
 */
export class Flood {
  private readonly events = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** True while fewer than `threshold` events happened in the last `windowSeconds`. */
  isAllowed(name: string, threshold: number, windowSeconds: number): boolean {
    return this.recent(name, windowSeconds).length < threshold;
  }

  register(name: string, windowSeconds: number): void {
    this.events.set(name, [...this.recent(name, windowSeconds), this.now()]);
  }

  clear(name: string): void {
    this.events.delete(name);
  }

  reset(): void {
    this.events.clear();
  }

  private recent(name: string, windowSeconds: number): number[] {
    const since = this.now() - windowSeconds * 1000;
    return (this.events.get(name) ?? []).filter((at) => at > since);
  }
}
