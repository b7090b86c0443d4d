import type JSZip from "jszip";
import type { DocumentSnapshot } from "../model/snapshot";
import { DocxError, messages } from "./errors";
import { DocumentReader } from "./ooxml";
import { mainDocumentPath } from "./package";
import { PositionRecorder } from "./positions";
import { documentText, packageSettings, type PackageSettings, type WritablePackage } from "./write-package";
import { assertSameShape, layoutMismatch, type DocumentStructure } from "./write-structure";
import { decodePart, type PartEncoding } from "./write-xml";
import { XmlStream } from "./xml";
import { openZip, readEntry } from "./zip";

/**
 * A .docx file read for writing: its snapshot, and what the writer needs to edit it, from one pass
 * of the reader over word/document.xml that also notes where each place it reads is.
 */
export interface OpenedDocx {
  bytes: Uint8Array;
  snapshot: DocumentSnapshot;
  /** The package ready for the writer, or (when the writer cannot use the read) how to get it; its errors surface only when a plan is applied. */
  writable(): Promise<WritableDocument>;
}

export interface WritableDocument {
  pack: WritablePackage;
  /** Where the snapshot's places are, as the reader noted them; "not-word" or "mismatch" when the writer cannot find them by their `w:` names. */
  places: PositionRecorder | "not-word" | "mismatch";
}

/**
 * Reads `bytes` as readDocx does (the same snapshot, the same DocxError for a file that cannot be
 * read) and keeps what the writer needs. Whatever concerns only the writer (its relationships and
 * settings, a part that is not valid UTF-8) is an error of `writable()`, as it was of writing.
 */
export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  try {
    const zip = await openZip(bytes);
    const path = await mainDocumentPath(zip);
    let part = await readEntry(zip, path);
    if (!part) throw new DocxError("not-word", messages.notWord());
    const settings = await packageSettings(zip).catch((): undefined => undefined);
    const text = decodedOrUndefined(part);
    if (settings && settings.documentPath === path && text) {
      // The unpacked bytes go before the read: kept alongside their text, they cost the part's size again (60 MB of
      // paragraphs reached 384 MB of peak growth, against the 300 MB limit).
      part = undefined;
      const read = readWithPositions(text.text);
      // Made when first asked for: a file the planner refuses never makes the places' elements.
      let writable: Promise<WritableDocument> | undefined;
      return { bytes, snapshot: read.snapshot, writable: () => (writable ??= Promise.resolve(writableDocument(zip, settings, text.text, text.encoding, read.positions))) };
    }
    // The writer reads another part than the reader, or cannot read it: it reads its own, as it always has.
    const reader = new DocumentReader();
    const stream = new XmlStream(reader);
    reader.stream = stream;
    stream.writeBytes(part);
    stream.end();
    return { bytes, snapshot: reader.finish(), writable: () => openWritable(zip) };
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError("corrupt", messages.damaged("it could not be read"));
  }
}

async function openWritable(zip: JSZip): Promise<WritableDocument> {
  const settings = await packageSettings(zip);
  const { text, encoding } = await documentText(zip, settings.documentPath);
  return writableDocument(zip, settings, text, encoding, readWithPositions(text).positions);
}

function writableDocument(zip: JSZip, settings: PackageSettings, text: string, encoding: PartEncoding, positions: PositionRecorder): WritableDocument {
  const root = positions.document;
  const pack: WritablePackage = { zip, documentPath: settings.documentPath, document: { text, roots: root ? [root] : [] }, encoding, tracksChanges: settings.tracksChanges };
  return { pack, places: positions.notWord ? "not-word" : positions.mismatch ? "mismatch" : positions };
}

/** The package and where the snapshot's places are, refusing (writing nothing) when the writer cannot find them. */
export async function writableStructure(opened: OpenedDocx): Promise<{ pack: WritablePackage; structure: DocumentStructure }> {
  const { pack, places } = await opened.writable();
  if (places === "not-word") throw new DocxError("not-word", messages.notWord());
  if (places === "mismatch") throw layoutMismatch();
  if (!places.hasBody) throw new DocxError("not-word", messages.notWord());
  // Checked on the counts, before any element is made.
  assertSameShape(places.counts(), opened.snapshot);
  return { pack, structure: places.structure()! };
}

/**
 * Whether a part's bytes hold the snapshot's places, found as writableStructure finds them (by their
 * `w:` names). Only their counts are compared, so no element is made and the part's text is not needed.
 */
export function hasShapeOf(bytes: Uint8Array, snapshot: DocumentSnapshot): boolean {
  const reader = new DocumentReader();
  const stream = new XmlStream(reader);
  reader.stream = stream;
  const positions = new PositionRecorder("", () => stream.position);
  reader.positions = positions;
  stream.writeBytes(bytes);
  stream.end();
  reader.finish();
  return positions.hasBody && !positions.notWord && !positions.mismatch && positions.sameShapeAs(snapshot);
}

/** The reader's snapshot of a part's whole text, and where it found each place. */
export function readWithPositions(text: string): { snapshot: DocumentSnapshot; positions: PositionRecorder } {
  const reader = new DocumentReader();
  const stream = new XmlStream(reader);
  reader.stream = stream;
  const positions = new PositionRecorder(text, () => stream.position);
  reader.positions = positions;
  stream.writeText(text);
  stream.end();
  return { snapshot: reader.finish(), positions };
}

function decodedOrUndefined(bytes: Uint8Array): { text: string; encoding: PartEncoding } | undefined {
  try {
    return decodePart(bytes);
  } catch {
    return undefined;
  }
}
