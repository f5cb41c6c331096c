/** How far git looks for a NUL byte before calling a file binary; we decide the same way. */
const SNIFF_BYTES = 8000;

/** Whether a file is binary (no text merge for it): a NUL byte early on, git's own test. */
export function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}
