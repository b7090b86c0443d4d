import type { DocumentSnapshot } from "../model/snapshot";
import { DocxError, messages } from "./errors";
import { documentSink } from "./ooxml";
import { mainDocumentPath } from "./package";
import { readZipSettings } from "./webextension";
import { openZipToRead, streamEntryInto, type ReadableZip } from "./zip";

export { DocxError, type DocxErrorReason } from "./errors";
export { MAX_FILE_BYTES, MAX_PART_BYTES, fileSizeProblem } from "./zip";
export { MAX_PARAGRAPHS, MAX_TABLE_PARTS, MAX_TEXT_CHARACTERS } from "./ooxml";
export { MAX_DEPTH } from "./xml";

/**
 * Reads a .docx file's bytes into a snapshot, word/document.xml streamed from its inflate straight
 * into the reader. Throws DocxError (never anything else) for a bad file.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocumentSnapshot> {
  return (await readOpened(bytes)).snapshot;
}

/** The snapshot, as readDocx gives it, and a way to the add-in's settings without unzipping the file again. */
export interface DocxWithSettings {
  snapshot: DocumentSnapshot;
  /** As readDocxSettings(bytes) gives them: none when they cannot be read; throws only for a bug. */
  settings(): Promise<Map<string, unknown>>;
}

/**
 * readDocx, and the add-in's settings (readDocxSettings) from the same opened package: scrutiny-check
 * needs both, and opening the zip again (jszip reading its directory) is work done twice. The snapshot
 * fails exactly as readDocx does.
 */
export async function readDocxAndSettings(bytes: Uint8Array): Promise<DocxWithSettings> {
  const { zip, snapshot } = await readOpened(bytes);
  return { snapshot, settings: () => readZipSettings(zip) };
}

async function readOpened(bytes: Uint8Array): Promise<{ zip: ReadableZip; snapshot: DocumentSnapshot }> {
  try {
    const zip = await openZipToRead(bytes);
    const snapshot = await streamEntryInto(zip, await mainDocumentPath(zip), documentSink);
    if (!snapshot) throw new DocxError("not-word", messages.notWord());
    return { zip, snapshot };
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError("corrupt", messages.damaged("it could not be read"));
  }
}
