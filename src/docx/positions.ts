import type { DocumentSnapshot } from "../model/snapshot";
import { sameShape, type DocumentStructure, type DocxCell, type DocxRow, type DocxTable, type PlaceCounts } from "./write-structure";
import { elementAt, lazyTree, type LazyTree, type XmlElement } from "./write-xml";
import type { XmlTag } from "./xml";

/** What a noted element is, which gives its name (as the writer finds it: with the `w:` prefix). */
const DOCUMENT = 0;
const BODY = 1;
const PARAGRAPH = 2;
const TABLE = 3;
const ROW = 4;
const CELL = 5;
const SDT = 6;
const SECTION = 7;
const NAMES = ["w:document", "w:body", "w:p", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sectPr"];

/**
 * Where the reader's places are in word/document.xml, noted by the reader itself as it reads (so the
 * writer needs no second pass over the part): every paragraph it counts, each top-level table with
 * its rows and cells, the block-level content controls around those tables, the body and its
 * section properties. Each is an element of `text` (the part, decoded whole) whose children are
 * parsed only if the writer asks for them.
 *
 * For memory: while reading, a place is only numbers in typed arrays (where its start tag ends, where
 * it ends, what it is), about 12 bytes each; the elements are made when the writer asks for them
 * (`structure()`, `document`), so a document that is refused, or checked only for its shape
 * (`counts`), never makes one. A 500,000-paragraph document noted as objects cost about 150 MB.
 *
 * The writer builds its markup with the `w:` prefix and finds its elements by that name, so the
 * places are usable only when every element they are found through carries it: otherwise (the
 * main namespace under another prefix or as the default one, places inside mc:AlternateContent) the
 * document is marked as one the writer cannot match, as its own search by name could not.
 */
export class PositionRecorder {
  /** Set when the places cannot be matched by prefixed name; `notWord` when not even the w:document and w:body can. */
  mismatch = false;
  notWord = false;

  /** Each noted element, in document order: just after its start tag's `>`, just after its end (0 until closed), its kind. */
  private readonly contentStarts = new Numbers();
  private readonly ends = new Numbers();
  private readonly kinds = new Numbers();
  /** Names other than their kind's (only ever in a document marked mismatch or notWord). */
  private readonly otherNames = new Map<number, string>();

  private documentId = -1;
  private bodyId = -1;
  /** The body's last child when it is the section properties. */
  private sectPrId = -1;
  /** Every paragraph, by element. */
  private readonly paragraphs = new Numbers();
  /** Top-level tables: element, first row, first of its content controls in `tableSdts` (innermost first). */
  private readonly tableIds = new Numbers();
  private readonly tableFirstRows = new Numbers();
  private readonly tableFirstSdts = new Numbers();
  private readonly tableSdts = new Numbers();
  /** Rows of top-level tables: element, first cell. */
  private readonly rowIds = new Numbers();
  private readonly rowFirstCells = new Numbers();
  /** Cells of those rows: element, first of its paragraphs in `cellParagraphs` (elements). */
  private readonly cellIds = new Numbers();
  private readonly cellFirstParagraphs = new Numbers();
  private readonly cellParagraphs = new Numbers();

  /** Open noted elements and the depth of each (closed when their depth closes). */
  private readonly open: number[] = [];
  private readonly openDepths: number[] = [];
  /** The body-level block content controls open around what is being read. */
  private readonly blockSdts: number[] = [];
  private readonly blockSdtDepths: number[] = [];
  /** Depths of open mc:AlternateContent elements in a block, row or cell context. */
  private readonly alternates: number[] = [];
  private bodyChildDepth = -1;
  /** Whether the row last started was noted (a top-level table's), so that dropRow can take it back. */
  private rowNoted = false;

  /** The elements made so far, by id (the same place is always the same object); filled when the first is made. */
  private made: (XmlElement | undefined)[] | undefined;
  private readonly tree: LazyTree;
  private structured: DocumentStructure | undefined;

  constructor(
    private readonly text: string,
    private readonly position: () => number,
  ) {
    this.tree = lazyTree(text, (start) => this.notedAt(start));
  }

  /**
   * Called for every element the reader sees, before it decides what it is: the body's last child
   * is kept when it is the section properties (which the reader itself skips, so records nothing of).
   */
  element(tag: XmlTag, depth: number): void {
    if (depth === this.bodyChildDepth) this.sectPrId = tag.name === "w:sectPr" ? this.record(tag, depth, SECTION) : -1;
  }

  /** An element the reader acts on in a block, table or row context (a wrapper or a content control's content). */
  structural(tag: XmlTag): void {
    if (tag.prefix !== "w" || this.alternates.length > 0) this.mismatch = true;
  }

  /** A `w:`-prefixed element outside the main namespace where the reader looks for structure: the writer would take it for one. */
  foreign(): void {
    this.mismatch = true;
  }

  rootDocument(tag: XmlTag, depth: number): void {
    if (tag.prefix !== "w") this.notWord = true;
    this.documentId = this.record(tag, depth, DOCUMENT);
  }

  rootBody(tag: XmlTag, depth: number): void {
    if (tag.prefix !== "w") this.notWord = true;
    this.bodyId = this.record(tag, depth, BODY);
    this.bodyChildDepth = depth + 1;
  }

  paragraph(tag: XmlTag, depth: number, inCell: boolean): void {
    this.structural(tag);
    const paragraph = this.record(tag, depth, PARAGRAPH);
    this.paragraphs.push(paragraph);
    if (inCell && this.cellIds.length > 0) this.cellParagraphs.push(paragraph);
  }

  /** A table; `topLevel` when it is a snapshot table (not inside a cell). */
  startTable(tag: XmlTag, depth: number, topLevel: boolean): void {
    this.structural(tag);
    if (!topLevel) return;
    this.tableIds.push(this.record(tag, depth, TABLE));
    this.tableFirstRows.push(this.rowIds.length);
    this.tableFirstSdts.push(this.tableSdts.length);
    for (let index = this.blockSdts.length - 1; index >= 0; index--) this.tableSdts.push(this.blockSdts[index]);
  }

  startRow(tag: XmlTag, depth: number, topLevel: boolean): void {
    this.structural(tag);
    this.rowNoted = topLevel && this.tableIds.length > 0;
    if (!this.rowNoted) return;
    this.rowIds.push(this.record(tag, depth, ROW));
    this.rowFirstCells.push(this.cellIds.length);
  }

  /** The row just started is marked deleted, before any of its cells: the reader leaves it out, and so do the places. */
  dropRow(): void {
    if (!this.rowNoted) return;
    this.rowNoted = false;
    this.rowIds.length--;
    this.rowFirstCells.length--;
  }

  startCell(tag: XmlTag, depth: number, topLevel: boolean): void {
    this.structural(tag);
    if (!topLevel || this.rowIds.length === 0) return;
    this.cellIds.push(this.record(tag, depth, CELL));
    this.cellFirstParagraphs.push(this.cellParagraphs.length);
  }

  /** A content control standing for blocks in the body (not in a cell): it may hold a table. */
  blockSdt(tag: XmlTag, depth: number): void {
    this.structural(tag);
    this.blockSdts.push(this.record(tag, depth, SDT));
    this.blockSdtDepths.push(depth);
  }

  /** An mc:AlternateContent in a block, table or row context: anything found in it is unmatched. */
  alternate(depth: number): void {
    this.alternates.push(depth);
  }

  close(depth: number): void {
    const open = this.openDepths;
    if (open.length > 0 && open[open.length - 1] === depth) {
      open.pop();
      this.ends.set(this.open.pop()!, this.position());
    }
    if (this.blockSdtDepths.length > 0 && this.blockSdtDepths[this.blockSdtDepths.length - 1] === depth) {
      this.blockSdtDepths.pop();
      this.blockSdts.pop();
    }
    if (this.alternates.length > 0 && this.alternates[this.alternates.length - 1] === depth) this.alternates.pop();
  }

  /** Whether the w:body was found (without it there are no places). */
  get hasBody(): boolean {
    return this.bodyId !== -1;
  }

  /** The w:document element. */
  get document(): XmlElement | undefined {
    return this.documentId === -1 ? undefined : this.elementOf(this.documentId);
  }

  /** The places' counts, for assertSameShape, without making an element. */
  counts(): PlaceCounts {
    const { tableFirstRows, rowFirstCells, cellFirstParagraphs } = this;
    return {
      paragraphs: this.paragraphs.length,
      tables: this.tableIds.length,
      rows: (table) => spanOf(tableFirstRows, table, this.rowIds.length),
      cells: (table, row) => spanOf(rowFirstCells, tableFirstRows.get(table) + row, this.cellIds.length),
      cellParagraphs: (table, row, cell) =>
        spanOf(cellFirstParagraphs, rowFirstCells.get(tableFirstRows.get(table) + row) + cell, this.cellParagraphs.length),
    };
  }

  /** Whether the places are the snapshot's (see assertSameShape). */
  sameShapeAs(snapshot: DocumentSnapshot): boolean {
    return sameShape(this.counts(), snapshot);
  }

  /** The places as elements (made now, once). */
  structure(): DocumentStructure | undefined {
    if (this.bodyId === -1) return undefined;
    if (this.structured) return this.structured;
    const element = (id: number): XmlElement => this.elementOf(id);
    const paragraphs = this.elements(this.paragraphs, 0, this.paragraphs.length);
    const tables: DocxTable[] = new Array<DocxTable>(this.tableIds.length);
    for (let table = 0; table < tables.length; table++) {
      const firstRow = this.tableFirstRows.get(table);
      const rows: DocxRow[] = new Array<DocxRow>(spanOf(this.tableFirstRows, table, this.rowIds.length));
      for (let row = 0; row < rows.length; row++) {
        const at = firstRow + row;
        const firstCell = this.rowFirstCells.get(at);
        const cells: DocxCell[] = new Array<DocxCell>(spanOf(this.rowFirstCells, at, this.cellIds.length));
        for (let cell = 0; cell < cells.length; cell++) {
          const id = firstCell + cell;
          cells[cell] = { element: element(this.cellIds.get(id)), paragraphs: this.owned(this.cellParagraphs, this.cellFirstParagraphs, id) };
        }
        rows[row] = { element: element(this.rowIds.get(at)), cells };
      }
      tables[table] = { index: table, element: element(this.tableIds.get(table)), rows, sdts: this.owned(this.tableSdts, this.tableFirstSdts, table) };
    }
    this.structured = {
      body: element(this.bodyId),
      sectPr: this.sectPrId === -1 ? undefined : element(this.sectPrId),
      paragraphs,
      tables,
    };
    return this.structured;
  }

  /** The elements of the `index`-th owner's run of `ids` (see spanOf). */
  private owned(ids: Numbers, firsts: Numbers, index: number): XmlElement[] {
    const first = firsts.get(index);
    return this.elements(ids, first, first + spanOf(firsts, index, ids.length));
  }

  private elements(ids: Numbers, from: number, to: number): XmlElement[] {
    const elements = new Array<XmlElement>(to - from);
    for (let index = from; index < to; index++) elements[index - from] = this.elementOf(ids.get(index));
    return elements;
  }

  private record(tag: XmlTag, depth: number, kind: number): number {
    const id = this.contentStarts.length;
    this.contentStarts.push(this.position());
    this.ends.push(0);
    this.kinds.push(kind);
    if (tag.name !== NAMES[kind]) this.otherNames.set(id, tag.name);
    if (!tag.isSelfClosing) {
      this.open.push(id);
      this.openDepths.push(depth);
    }
    return id;
  }

  /** The noted element `id`, made when first asked for: its start is the last `<` before its start tag's end, as for its end tag. */
  private elementOf(id: number): XmlElement {
    // Filled with undefined rather than made sparse, which V8 would keep as a dictionary.
    this.made ??= Array.from({ length: this.contentStarts.length }, (): XmlElement | undefined => undefined);
    const made = this.made[id];
    if (made !== undefined) return made;
    const text = this.text;
    const contentStart = this.contentStarts.get(id);
    const element = elementAt(this.tree, this.otherNames.get(id) ?? NAMES[this.kinds.get(id)], text.lastIndexOf("<", contentStart - 1), contentStart);
    const end = this.ends.get(id);
    if (end !== 0 && end !== contentStart) element.closeAt(end, text.lastIndexOf("<", end - 1));
    this.made[id] = element;
    return element;
  }

  /** The noted element whose `<` is at `start`, if any (by its start tag's end: the first noted after `start`). */
  private notedAt(start: number): XmlElement | undefined {
    const contentStarts = this.contentStarts;
    let low = 0;
    let high = contentStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (contentStarts.get(middle) <= start) low = middle + 1;
      else high = middle;
    }
    if (low === contentStarts.length || this.text.lastIndexOf("<", contentStarts.get(low) - 1) !== start) return undefined;
    return this.elementOf(low);
  }
}

/**
 * How many items the `index`-th owner has (a table's rows, a row's cells…), where `firsts` holds each
 * owner's first item and `total` is the number of items (the last owner's run ends there).
 */
function spanOf(firsts: Numbers, index: number, total: number): number {
  return (index + 1 < firsts.length ? firsts.get(index + 1) : total) - firsts.get(index);
}

/** A growing list of non-negative integers below 2³¹ (offsets in a part of at most 64 MB), 4 bytes each. */
class Numbers {
  private data = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index];
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }
}
