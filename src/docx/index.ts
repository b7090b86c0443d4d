import type { DocumentSnapshot } from "../model/snapshot";
import { DocxError, messages } from "./errors";
import { documentSink } from "./ooxml";
import { mainDocumentPath } from "./package";
import { openZip, streamEntryInto } from "./zip";

export { DocxError, type DocxErrorReason } from "./errors";
export { MAX_FILE_BYTES, MAX_PART_BYTES, fileSizeProblem } from "./zip";
export { MAX_PARAGRAPHS, MAX_TABLE_PARTS, MAX_TEXT_CHARACTERS } from "./ooxml";
export { MAX_DEPTH } from "./xml";

/**
 * Reads a .docx file's bytes into a snapshot, word/document.xml streamed from its inflate straight
 * into the reader. Throws DocxError (never anything else) for a bad file.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocumentSnapshot> {
  try {
    const zip = await openZip(bytes);
    const snapshot = await streamEntryInto(zip, await mainDocumentPath(zip), documentSink);
    if (!snapshot) throw new DocxError("not-word", messages.notWord());
    return snapshot;
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError("corrupt", messages.damaged("it could not be read"));
  }
}
