/** The slice of a writable stream the CLI prints to; tests pass a string collector. */
export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Collects everything written, for tests and for building messages. */
export class MemoryOutput implements Output {
  text = "";
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}
