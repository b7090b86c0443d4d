/** Characters handed to the tokenizer at a time: the part is decoded piece by piece, never into one string. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * A part's bytes decoded as they come: UTF-8, or UTF-16 with a byte order mark (the first byte is held
 * until the second shows which), each piece handed on as text of at most CHUNK_BYTES' worth.
 */
export class PartDecoder {
  private decoder: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | undefined;
  private held: Uint8Array | undefined;

  /** Decodes `chunk`, handing each piece of text to `write`. */
  write(chunk: Uint8Array, write: (text: string) => void): void {
    if (this.decoder === undefined) {
      const bytes = this.held ? join(this.held, chunk) : chunk;
      if (bytes.length < 2) {
        this.held = bytes;
        return;
      }
      this.held = undefined;
      this.decoder = new TextDecoder(encodingOf(bytes));
      chunk = bytes;
    }
    const decoder = this.decoder;
    for (let at = 0; at < chunk.length; at += CHUNK_BYTES) write(decoder.decode(chunk.subarray(at, at + CHUNK_BYTES), { stream: true }));
  }

  /** What is left at the end of the part. */
  end(): string {
    return this.decoder?.decode() ?? (this.held ? new TextDecoder().decode(this.held) : "");
  }
}

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
