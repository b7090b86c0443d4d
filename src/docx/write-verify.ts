import { snapshotFromDocumentXml } from "./ooxml";
import { DocxWriteError } from "./write-errors";
import type { WritablePackage } from "./write-package";
import { encodePart } from "./write-xml";

/** A block as the reader must read it: its text only (locations are the structure's, checked by assertSameShape). */
export type ExpectedBlock = { kind: "paragraph"; text: string } | { kind: "table"; rows: string[][][] };

/** Markup a write inserts (block-level), and the blocks the reader must find in it. */
export interface Fragment {
  xml: string;
  blocks: ExpectedBlock[];
}

/**
 * Reads what the writes inserted with the project's reader, in a document holding only that markup
 * (under the original root element, so with its namespaces), and refuses unless it reads exactly as
 * planned. Everything else in the written document is the original's characters, and its places
 * were matched to the reader's by assertSameShape: with this, the whole file reads as planned,
 * at the cost of reading a few rows rather than the whole document again. The markup is read as the
 * bytes it is written as (encoded as the part is), straight from memory: the zip around it is not
 * what is checked.
 */
export function verifyWithReader(pack: WritablePackage, fragments: readonly Fragment[]): void {
  if (fragments.length === 0) return;
  const { text } = pack.document;
  const root = pack.document.roots.find((element) => element.name === "w:document");
  if (!root) return;
  const xml = `${text.slice(0, root.contentStart)}<w:body>${fragments.map((fragment) => fragment.xml).join("")}</w:body></w:document>`;
  const read = snapshotFromDocumentXml(encodePart(xml, pack.encoding));
  const expected = fragments.flatMap((fragment) => fragment.blocks);
  const found: ExpectedBlock[] = read.blocks.map((block) =>
    block.kind === "paragraph"
      ? { kind: "paragraph", text: block.text }
      : { kind: "table", rows: block.rows.map((row) => row.cells.map((cell) => cell.paragraphs)) },
  );
  if (JSON.stringify(found) !== JSON.stringify(expected)) {
    throw new DocxWriteError("unsupported", "What was to be written did not read back as planned, so nothing was written. Please report this.");
  }
}
