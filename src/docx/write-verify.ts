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
 * what is checked. Markup inserted more than once (the same new rows after each recommendation,
 * copied from rows alike, differing only in their fresh ids, which the reader never reads) is
 * read once: the same markup reads the same wherever it stands as a block, so each copy must be
 * planned to read as that one does.
 */
export function verifyWithReader(pack: WritablePackage, fragments: readonly Fragment[]): void {
  if (fragments.length === 0) return;
  const { text } = pack.document;
  const root = pack.document.roots.find((element) => element.name === "w:document");
  if (!root) return;
  const distinct = new Map<string, { xml: string; blocks: string }>();
  for (const fragment of fragments) {
    const blocks = JSON.stringify(fragment.blocks);
    const key = fragment.xml.replace(ID, (_id, name: string) => `${name}0"`);
    const same = distinct.get(key);
    if (same === undefined) distinct.set(key, { xml: fragment.xml, blocks });
    else if (same.blocks !== blocks) throw notAsPlanned();
  }
  const kept = [...distinct.values()];
  const xml = `${text.slice(0, root.contentStart)}<w:body>${kept.map((fragment) => fragment.xml).join("")}</w:body></w:document>`;
  const read = snapshotFromDocumentXml(encodePart(xml, pack.encoding));
  const expected = `[${kept.map((fragment) => fragment.blocks.slice(1, -1)).filter((blocks) => blocks !== "").join(",")}]`;
  const found: ExpectedBlock[] = read.blocks.map((block) =>
    block.kind === "paragraph"
      ? { kind: "paragraph", text: block.text }
      : { kind: "table", rows: block.rows.map((row) => row.cells.map((cell) => cell.paragraphs)) },
  );
  if (JSON.stringify(found) !== expected) throw notAsPlanned();
}

/** An id's value: a `w:id` attribute or a content control's `<w:id w:val>` (escaped text holds no `"` or `<`, so this is only ever markup). */
const ID = /(w:id(?: w:val)?=")-?\d+"/g;

function notAsPlanned(): DocxWriteError {
  return new DocxWriteError("unsupported", "What was to be written did not read back as planned, so nothing was written. Please report this.");
}
