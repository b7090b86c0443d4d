import { newCellParagraphs } from "../model/edit-apply";
import { bodyParagraphAt, cellAt, tablesOf } from "../model/edit-locate";
import { SUMMARY_TAG, type Plan, type Write } from "../model/plan";
import type { DocumentSnapshot, Location } from "../model/snapshot";
import { DocxWriteError } from "./write-errors";
import { unmetExpectation } from "./write-expect";
import { verifyWithReader, type ExpectedBlock, type Fragment } from "./write-verify";
import { IdAllocator, revisionAt } from "./write-markup";
import { openDocx, writableStructure, type OpenedDocx } from "./write-open";
import { replacePart } from "./write-package";
import { newParagraphXml, newRowXml, rowRemoval, type BuildContext } from "./write-rows";
import { encodeSplices, type Splice } from "./write-splice";
import { sdtTag, type DocumentStructure, type DocxTable } from "./write-structure";
import { setGradeEdits } from "./write-grade";
import { summaryPlace, summaryXml } from "./write-summary";
import { applyCommentWrites, isCommentWrite } from "./write-comments";
import { replaceTextEdits } from "./write-text";

export { DocxWriteError, type DocxWriteReason } from "./write-errors";
export { openDocx, type OpenedDocx } from "./write-open";

export interface DocxWriteOptions {
  /** The time recorded on tracked insertions. */
  now?: Date;
  /**
   * Write new content as tracked insertions or not, whatever word/settings.xml says (the preview's
   * Word tracks changes when its switch is on). Default: as the document's settings say.
   */
  trackChanges?: boolean;
}

/**
 * Applies a plan to a .docx file's bytes and returns the new file's bytes. word/document.xml is
 * edited by text splices at exact element boundaries, so every character outside the rows inserted
 * or removed and the summary stays as it was, and every other part of the package keeps its bytes.
 * Throws DocxWriteError, writing nothing, when the file does not hold what the plan expects; a
 * DocxError when the file cannot be read.
 */
export async function applyPlanToDocx(file: Uint8Array | OpenedDocx, plan: Plan, options: DocxWriteOptions = {}): Promise<Uint8Array> {
  const opened = file instanceof Uint8Array ? await openDocx(file) : file;
  const { bytes, snapshot } = opened;
  const unmet = unmetExpectation(snapshot, plan.expect);
  if (unmet) {
    throw new DocxWriteError("document-changed", `The document has changed since the update was planned (${unmet}), so nothing was written.`);
  }
  if (plan.writes.length === 0) return bytes;
  if (plan.writes.every(isCommentWrite)) return applyCommentWrites(opened, plan.writes.filter(isCommentWrite), options.now ?? new Date());
  const unsupported = plan.writes.find((write) => !WRITERS[write.kind]);
  if (unsupported) throw new DocxWriteError("unsupported", `This kind of change (${unsupported.kind}) cannot be written to a .docx file yet.`);

  const { pack, structure } = await writableStructure(opened);
  const context: WriteContext = {
    snapshot,
    tree: pack.document,
    ids: new IdAllocator(pack.document),
    revision: (options.trackChanges ?? pack.tracksChanges) ? revisionAt(options.now ?? new Date()) : null,
    structure,
  };
  const edits = plan.writes.flatMap((write, order) => WRITERS[write.kind]!(context, write as never).map((edit) => ({ ...edit, order })));
  verifyWithReader(pack, edits.flatMap((edit) => (edit.reads ? [edit.reads] : [])));
  return replacePart(pack.zip, pack.documentPath, encodeSplices(pack.document.text, edits, pack.encoding));
}

interface WriteContext extends BuildContext {
  structure: DocumentStructure;
  snapshot: DocumentSnapshot;
}

type WriteOf<K extends Write["kind"]> = Extract<Write, { kind: K }>;
/** A splice, and what the reader must read in the markup it inserts. */
type Edit = Omit<Splice, "order"> & { reads?: Fragment };
type Writer<K extends Write["kind"]> = (context: WriteContext, write: WriteOf<K>) => Edit[];

const WRITERS: { [K in Write["kind"]]?: Writer<K> } = {
  "insert-rows": (context, write) => {
    const table = tableAt(context, write.table);
    const template = table.rows[write.afterRow];
    if (!template) throw layoutChanged();
    const xml = write.rows.map((row) => newRowXml(context, template, row)).join("");
    const rows = write.rows.map((row) => row.cells.map(newCellParagraphs));
    return [{ start: template.element.end, end: template.element.end, text: xml, reads: { xml: `<w:tbl>${xml}</w:tbl>`, blocks: [{ kind: "table", rows }] } }];
  },
  "delete-rows": (context, write) => {
    const table = tableAt(context, write.table);
    const rows = table.rows.slice(write.row, write.row + write.count);
    if (rows.length !== write.count || rows.length === table.rows.length) throw layoutChanged();
    return rows.map((row) => rowRemoval(context, row.element));
  },
  "set-grade": (context, write) => {
    const { table, row, cell } = write.location;
    const found = tableAt(context, table).rows[row]?.cells[cell];
    if (!found) throw layoutChanged();
    return setGradeEdits(context, found, paragraphText(context.snapshot, write.location, 0) ?? "", write);
  },
  "insert-summary": (context, write) => {
    const place = summaryPlace(context.structure, write.place);
    if (!place) throw layoutChanged();
    const { at, paragraphBefore, paragraphAfter } = place;
    const text =
      (paragraphBefore ? emptyParagraph(context) : "") + summaryXml(context, context.structure, write.rows) + (paragraphAfter ? emptyParagraph(context) : "");
    const empty: ExpectedBlock = { kind: "paragraph", text: "" };
    const blocks: ExpectedBlock[] = [...(paragraphBefore ? [empty] : []), summaryBlock(write.rows), ...(paragraphAfter ? [empty] : [])];
    return [{ start: at, end: at, text, reads: { xml: text, blocks } }];
  },
  "replace-text": (context, write) => {
    const { location, paragraph } = write;
    const found =
      location.kind === "paragraph"
        ? context.structure.paragraphs[location.paragraph]
        : tableAt(context, location.table).rows[location.row]?.cells[location.cell]?.paragraphs[paragraph];
    if (!found) throw layoutChanged();
    const { edits, reads } = replaceTextEdits(context, found, write, paragraphText(context.snapshot, location, paragraph));
    return edits.map((edit, index) => (index === 0 ? { ...edit, reads } : edit));
  },
  "replace-summary": (context, write) => {
    const table = tableAt(context, write.table);
    const sdt = table.sdts.find((element) => sdtTag(element) === SUMMARY_TAG);
    const replaced = sdt ?? table.element;
    const id = sdt && summaryId(sdt);
    const text = summaryXml(context, context.structure, write.rows, id);
    return [{ start: replaced.start, end: replaced.end, text, reads: { xml: text, blocks: [summaryBlock(write.rows)] } }];
  },
};

/** The text the reader read in a paragraph of the snapshot (the one the plan's expectations were checked against). */
function paragraphText(snapshot: DocumentSnapshot, location: Location, paragraph: number): string | null {
  if (location.kind === "paragraph") return bodyParagraphAt(snapshot, location.paragraph)?.text ?? null;
  return cellAt(tablesOf(snapshot), location)?.paragraphs[paragraph] ?? null;
}

function summaryBlock(rows: string[][]): ExpectedBlock {
  return { kind: "table", rows: rows.map((row) => row.map((text) => [text])) };
}

function tableAt(context: WriteContext, index: number): DocxTable {
  const table = context.structure.tables[index];
  if (!table) throw layoutChanged();
  return table;
}

function layoutChanged(): DocxWriteError {
  return new DocxWriteError("document-changed", "The document's tables have changed since the update was planned, so nothing was written.");
}

function summaryId(sdt: DocxTable["sdts"][number]): string | undefined {
  const properties = sdt.children.find((child) => child.name === "w:sdtPr");
  return properties?.children.find((child) => child.name === "w:id")?.attributes["w:val"];
}

function emptyParagraph(context: WriteContext): string {
  return newParagraphXml(context, undefined, { text: "", bold: false });
}
