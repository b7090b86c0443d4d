import { readDocx } from "../../src/docx";

/** What reading a file gives: its snapshot, or the DocxError's reason and message. */
export type ReadOutcome = { read: unknown } | { failed: { reason: string; message: string } };

export async function readOutcome(bytes: Uint8Array): Promise<ReadOutcome> {
  try {
    return { read: await readDocx(bytes) };
  } catch (error) {
    const { reason, message } = error as { reason: string; message: string };
    return { failed: { reason, message } };
  }
}

/**
 * The outcome without Node's zlib (as in a browser: DecompressionStream), or also without
 * DecompressionStream ("platform": jszip's own inflate alone). Both are put back afterwards.
 */
export async function readOutcomeWithout(bytes: Uint8Array, what: "node" | "platform"): Promise<ReadOutcome> {
  const platform = globalThis.DecompressionStream;
  const builtin = process.getBuiltinModule;
  // @ts-expect-error: taken away for the comparison, put back below.
  delete process.getBuiltinModule;
  // @ts-expect-error: likewise.
  if (what === "platform") delete globalThis.DecompressionStream;
  try {
    return await readOutcome(bytes);
  } finally {
    globalThis.DecompressionStream = platform;
    process.getBuiltinModule = builtin;
  }
}
