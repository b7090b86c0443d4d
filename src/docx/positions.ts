import type { DocumentStructure, DocxCell, DocxRow, DocxTable } from "./write-structure";
import { elementAt, lazyTree, type LazyTree, type OpenElement, type XmlElement } from "./write-xml";
import type { XmlTag } from "./xml";

/**
 * Where the reader's places are in word/document.xml, noted by the reader itself as it reads (so the
 * writer needs no second pass over the part): every paragraph it counts, each top-level table with
 * its rows and cells, the block-level content controls around those tables, the body and its
 * section properties. Each is an element of `text` (the part, decoded whole) whose children are
 * parsed only if the writer asks for them.
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
  document: XmlElement | undefined;
  body: XmlElement | undefined;
  private readonly paragraphs: XmlElement[] = [];
  private readonly tables: DocxTable[] = [];
  private lastBodyChild: XmlElement | undefined;
  /** Open recorded elements and the depth of each (closed when their depth closes). */
  private readonly open: OpenElement[] = [];
  private readonly openDepths: number[] = [];
  /** The body-level block content controls open around what is being read. */
  private readonly blockSdts: XmlElement[] = [];
  private readonly blockSdtDepths: number[] = [];
  /** Depths of open mc:AlternateContent elements in a block, row or cell context. */
  private readonly alternates: number[] = [];
  private bodyChildDepth = -1;
  private table: DocxTable | undefined;
  private row: DocxRow | undefined;
  private cell: DocxCell | undefined;

  private readonly tree: LazyTree;

  constructor(
    private readonly text: string,
    private readonly position: () => number,
  ) {
    this.tree = lazyTree(text);
  }

  /**
   * Called for every element the reader sees, before it decides what it is: the body's last child
   * is kept when it is the section properties (which the reader itself skips, so records nothing of).
   */
  element(tag: XmlTag, depth: number): void {
    if (depth === this.bodyChildDepth) this.lastBodyChild = tag.name === "w:sectPr" ? this.record(tag, depth) : undefined;
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
    this.document = this.record(tag, depth);
  }

  rootBody(tag: XmlTag, depth: number): void {
    if (tag.prefix !== "w") this.notWord = true;
    this.body = this.record(tag, depth);
    this.bodyChildDepth = depth + 1;
  }

  paragraph(tag: XmlTag, depth: number, inCell: boolean): void {
    this.structural(tag);
    const paragraph = this.record(tag, depth);
    this.paragraphs.push(paragraph);
    if (inCell) this.cell?.paragraphs.push(paragraph);
  }

  /** A table; `topLevel` when it is a snapshot table (not inside a cell). */
  startTable(tag: XmlTag, depth: number, topLevel: boolean): void {
    this.structural(tag);
    if (!topLevel) return;
    const element = this.record(tag, depth);
    this.table = { index: this.tables.length, element, rows: [], sdts: [...this.blockSdts].reverse() };
    this.tables.push(this.table);
  }

  startRow(tag: XmlTag, depth: number, topLevel: boolean): void {
    this.structural(tag);
    if (!topLevel || !this.table) return;
    this.row = { element: this.record(tag, depth), cells: [] };
    this.table.rows.push(this.row);
  }

  startCell(tag: XmlTag, depth: number, topLevel: boolean): void {
    this.structural(tag);
    if (!topLevel || !this.row) return;
    this.cell = { element: this.record(tag, depth), paragraphs: [] };
    this.row.cells.push(this.cell);
  }

  /** A content control standing for blocks in the body (not in a cell): it may hold a table. */
  blockSdt(tag: XmlTag, depth: number): void {
    this.structural(tag);
    this.blockSdts.push(this.record(tag, depth));
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
      const element = this.open.pop()!;
      const end = this.position();
      if (end !== element.contentStart) element.closeAt(end, this.text.lastIndexOf("<", end - 1));
    }
    if (this.blockSdtDepths.length > 0 && this.blockSdtDepths[this.blockSdtDepths.length - 1] === depth) {
      this.blockSdtDepths.pop();
      this.blockSdts.pop();
    }
    if (this.alternates.length > 0 && this.alternates[this.alternates.length - 1] === depth) this.alternates.pop();
  }

  structure(): DocumentStructure | undefined {
    if (!this.body) return undefined;
    return {
      body: this.body,
      sectPr: this.lastBodyChild,
      paragraphs: this.paragraphs,
      tables: this.tables,
    };
  }

  private record(tag: XmlTag, depth: number): OpenElement {
    const contentStart = this.position();
    const element = elementAt(this.tree, tag.name, this.text.lastIndexOf("<", contentStart - 1), contentStart);
    if (!tag.isSelfClosing) {
      this.open.push(element);
      this.openDepths.push(depth);
    }
    return element;
  }
}
