import type { DocumentSnapshot } from "../model/snapshot";

/** Why a file could not be read. */
export type DocxErrorReason = "not-zip" | "truncated" | "not-word" | "too-large" | "corrupt";

export class DocxError extends Error {
  constructor(
    readonly reason: DocxErrorReason,
    message: string,
  ) {
    super(message);
    this.name = "DocxError";
  }
}

/** Reads a .docx file's bytes into a snapshot. Throws DocxError (never anything else) for a bad file. */
export async function readDocx(_bytes: Uint8Array): Promise<DocumentSnapshot> {
  throw new DocxError("corrupt", "readDocx: not written yet");
}
