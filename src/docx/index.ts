import type { DocumentSnapshot } from "../model/snapshot";
import { DocxError, messages } from "./errors";
import { snapshotFromDocumentXml } from "./ooxml";
import { readMainDocument } from "./package";
import { openZip } from "./zip";

export { DocxError, type DocxErrorReason } from "./errors";
export { MAX_FILE_BYTES, MAX_PART_BYTES, fileSizeProblem } from "./zip";
export { MAX_PARAGRAPHS, MAX_TABLE_PARTS, MAX_TEXT_CHARACTERS } from "./ooxml";
export { MAX_DEPTH } from "./xml";

/** Reads a .docx file's bytes into a snapshot. Throws DocxError (never anything else) for a bad file. */
export async function readDocx(bytes: Uint8Array): Promise<DocumentSnapshot> {
  try {
    const zip = await openZip(bytes);
    return snapshotFromDocumentXml(await readMainDocument(zip));
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError("corrupt", messages.damaged("it could not be read"));
  }
}
