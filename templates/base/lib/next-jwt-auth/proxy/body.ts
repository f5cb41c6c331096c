// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/** Thrown when a body grows past its limit while it is being read. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/**
 * Read a request body into memory, counting bytes while streaming and giving
 * up as soon as it passes `limit` (a lying or absent Content-Length does not
 * help). Kept in memory because a body must be sent twice when the backend
 * answers 401 and the request is retried after a refresh.
 */
export async function readLimitedBody(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array | undefined> {
  if (!body) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(`body larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Pass a response body through, erroring the stream once more than `limit`
 * bytes went by, so a runaway backend cannot make the server buffer or relay
 * without bound.
 */
export function limitStream(
  body: ReadableStream<Uint8Array>,
  limit: number,
): ReadableStream<Uint8Array> {
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit)
          controller.error(new BodyTooLargeError(`body larger than ${limit} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
}
