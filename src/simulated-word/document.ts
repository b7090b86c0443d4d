import type {
  CellLocation,
  DocumentSnapshot,
  Location,
  SnapshotBlock,
  SnapshotCell,
  SnapshotTable,
} from "../model/snapshot";
import { pushAll } from "../model/arrays";
import { appendParagraph, retype, spliceText } from "./runs";

/**
 * The in-memory document behind the simulated Word: plain, mutable data. Proxies resolve to these
 * objects at sync time, so later write operations (insertRows, insertTable, bold…) only need to
 * mutate these arrays; locations are always computed afresh from the structure.
 */
export interface SimParagraph {
  kind: "paragraph";
  /** Everything the paragraph shows, a content control's text (or placeholder) included. */
  text: string;
  /** Set by `font.bold`; copied into rows inserted with this row as the template. */
  bold?: boolean;
  /** An inline content control at the start of the paragraph, showing the first `control.length` characters. */
  control?: SimInlineControl;
  /**
   * Its text as runs of character formatting (their texts joined are `text`); absent, the paragraph
   * is one run. Every change to the text goes through `spliceText` (runs.ts), which keeps them so.
   */
  runs?: SimRun[];
}

/** Character formatting of a run, as far as the simulated Word keeps it. */
export interface SimFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string;
}

export interface SimRun {
  text: string;
  format: SimFormat;
}

export interface SimTable {
  kind: "table";
  rows: SimRow[];
  /** A content control wrapping the whole table (Table.insertContentControl). */
  control?: SimControl;
}

export type SimControlType = "RichText" | "PlainText" | "DropDownList" | "ComboBox" | "CheckBox";

/** A content control: what Word keeps of it. */
export interface SimControl {
  id: number;
  type: SimControlType;
  tag: string;
  title: string;
  appearance: "BoundingBox" | "Tags" | "Hidden";
  placeholderText: string;
  /** Dropdown and combo box items, in order (WordApi 1.9). */
  listItems: { displayText: string; value: string }[];
  /** The chosen item's index, or null: the control then shows its placeholder. */
  selected: number | null;
  /** ContentControl.cannotEdit (WordApi 1.1): what it holds cannot be edited, by the user or an add-in. */
  cannotEdit?: boolean;
}

export interface SimInlineControl extends SimControl {
  /** How many characters at the start of the paragraph are the control's. */
  length: number;
  /** Its text was typed or inserted (not its placeholder, not a chosen item). */
  own: boolean;
}

/** Puts what an inline control shows into its paragraph: the chosen item, else its own text, else its placeholder. */
export function refreshControl(p: SimParagraph): void {
  const control = p.control;
  if (!control) return;
  if (control.selected === null && control.own) return;
  const shown = control.selected !== null ? (control.listItems[control.selected]?.displayText ?? "") : control.placeholderText;
  spliceText(p, 0, control.length, shown);
  control.length = shown.length;
}

/** A review comment and what it is on: a cell, or a paragraph (WordApi 1.4). */
export interface SimComment {
  id: string;
  content: string;
  authorName: string;
  resolved: boolean;
  anchor: { cell: SimCell } | { paragraph: SimParagraph };
}

export interface SimRow {
  cells: SimCell[];
}

/** A cell holds paragraphs and, rarely, nested tables. Word never leaves a cell without a paragraph. */
export interface SimCell {
  blocks: SimBlock[];
}

export type SimBlock = SimParagraph | SimTable;

export interface SimDocument {
  blocks: SimBlock[];
  /** Review comments (WordApi 1.4); absent means none. */
  comments?: SimComment[];
}

/** The paragraphs of every cell of a row, in order. */
export function rowParagraphs(row: SimRow): SimParagraph[] {
  return row.cells.flatMap((c) => paragraphsIn(c.blocks).map((e) => e.paragraph));
}

/** The top-level cell holding a paragraph (a nested table's cell is reported as its top-level cell), or null. */
export function cellOfParagraph(document: SimDocument, p: SimParagraph): SimCell | null {
  for (const block of document.blocks) {
    if (block.kind !== "table") continue;
    for (const row of block.rows) {
      for (const c of row.cells) if (paragraphsIn(c.blocks).some((e) => e.paragraph === p)) return c;
    }
  }
  return null;
}

/** Every content control in document order: table-wrapping ones before what the table holds. */
export function controlsIn(blocks: SimBlock[]): { control: SimControl; host: SimParagraph | SimTable }[] {
  const out: { control: SimControl; host: SimParagraph | SimTable }[] = [];
  const walk = (list: SimBlock[]): void => {
    for (const block of list) {
      if (block.kind === "paragraph") {
        if (block.control) out.push({ control: block.control, host: block });
        continue;
      }
      if (block.control) out.push({ control: block.control, host: block });
      for (const row of block.rows) for (const c of row.cells) walk(c.blocks);
    }
  };
  walk(blocks);
  return out;
}

/** Whether a paragraph or cell is still in the document (comments on deleted rows go with them). */
export function inDocument(document: SimDocument, anchor: SimComment["anchor"]): boolean {
  const paragraphs = paragraphsIn(document.blocks);
  if ("paragraph" in anchor) return paragraphs.some((e) => e.paragraph === anchor.paragraph);
  return cellLocation(document, anchor.cell) !== null;
}

/**
 * What the simulated `Table.values` puts between the paragraphs of one cell. Word's real separator
 * is undocumented (word-api.md §1.2, UNCONFIRMED); "\r" is what Word uses for paragraph marks in
 * `Range.text`. The gateway splits on any of \r\n, \r, \n and \v, so it does not depend on this.
 */
export const VALUES_PARAGRAPH_SEPARATOR = "\r";

export function paragraph(text: string): SimParagraph {
  return { kind: "paragraph", text };
}

export function cell(...contents: (string | SimTable)[]): SimCell {
  const blocks = contents.map((c): SimBlock => (typeof c === "string" ? paragraph(c) : c));
  return { blocks: blocks.length > 0 ? blocks : [paragraph("")] };
}

export function table(rows: (string | SimCell)[][]): SimTable {
  return { kind: "table", rows: rows.map((r) => ({ cells: r.map((c) => (typeof c === "string" ? cell(c) : c)) })) };
}

/** Opens a snapshot (from a .docx, a text fixture or a test) as an in-memory document. */
export function documentFromSnapshot(snapshot: DocumentSnapshot): SimDocument {
  return { blocks: snapshot.blocks.map(blockFromSnapshot) };
}

function blockFromSnapshot(block: SnapshotBlock): SimBlock {
  if (block.kind === "paragraph") return paragraph(block.text);
  return { kind: "table", rows: block.rows.map((r) => ({ cells: r.cells.map(cellFromSnapshot) })) };
}

function cellFromSnapshot(c: SnapshotCell): SimCell {
  return cell(...c.paragraphs);
}

/** A paragraph in document order, as Word's `body.paragraphs` (WordApi 1.3+) lists it. */
export interface ParagraphEntry {
  paragraph: SimParagraph;
  /** 0 outside tables, 1 in a top-level table, 2 in a table nested in it… */
  tableNestingLevel: number;
}

export interface TableEntry {
  table: SimTable;
  nestingLevel: number;
}

/** Every paragraph in a list of blocks, in document order, cell paragraphs included. */
export function paragraphsIn(blocks: SimBlock[], nestingLevel = 0): ParagraphEntry[] {
  const out: ParagraphEntry[] = [];
  const walk = (list: SimBlock[], level: number): void => {
    for (const block of list) {
      if (block.kind === "paragraph") out.push({ paragraph: block, tableNestingLevel: level });
      else for (const row of block.rows) for (const c of row.cells) walk(c.blocks, level + 1);
    }
  };
  walk(blocks, nestingLevel);
  return out;
}

/** Every table in a list of blocks, nested ones included, each before the tables nested in it. */
export function tablesIn(blocks: SimBlock[], nestingLevel = 1): TableEntry[] {
  const out: TableEntry[] = [];
  const walk = (list: SimBlock[], level: number): void => {
    for (const block of list) {
      if (block.kind !== "table") continue;
      out.push({ table: block, nestingLevel: level });
      for (const row of block.rows) for (const c of row.cells) walk(c.blocks, level + 1);
    }
  };
  walk(blocks, nestingLevel);
  return out;
}

/** A cell's text as one entry of `Table.values`: its paragraphs (nested tables' included) joined. */
export function cellValue(c: SimCell): string {
  return paragraphsIn(c.blocks)
    .map((p) => p.paragraph.text)
    .join(VALUES_PARAGRAPH_SEPARATOR);
}

export function tableValues(t: SimTable): string[][] {
  return t.rows.map((r) => r.cells.map(cellValue));
}

/** Where a paragraph sits: its index in `body.paragraphs`, or -1 if it is not in the document. */
export function paragraphIndex(document: SimDocument, p: SimParagraph): number {
  return paragraphsIn(document.blocks).findIndex((e) => e.paragraph === p);
}

/**
 * Where a cell sits, as a snapshot location. A cell of a nested table is reported as the top-level
 * cell that holds it, since snapshots flatten nested tables into their cell.
 */
export function cellLocation(document: SimDocument, target: SimCell): CellLocation | null {
  const contains = (c: SimCell): boolean =>
    c === target ||
    c.blocks.some((b) => b.kind === "table" && b.rows.some((r) => r.cells.some(contains)));
  let tableIndex = 0;
  for (const block of document.blocks) {
    if (block.kind !== "table") continue;
    for (let row = 0; row < block.rows.length; row++) {
      const cells = block.rows[row]!.cells;
      for (let i = 0; i < cells.length; i++) {
        if (contains(cells[i]!)) return { kind: "cell", table: tableIndex, row, cell: i };
      }
    }
    tableIndex++;
  }
  return null;
}

/** The model object at a snapshot location, or null when the document has no such place. */
export function resolveLocation(document: SimDocument, location: Location): SimParagraph | SimCell | null {
  if (location.kind === "paragraph") return paragraphsIn(document.blocks)[location.paragraph]?.paragraph ?? null;
  const top = document.blocks.filter((b): b is SimTable => b.kind === "table")[location.table];
  return top?.rows[location.row]?.cells[location.cell] ?? null;
}

/**
 * The snapshot the document holds, read straight from the model (no proxies, no syncs): for the
 * preview's rendering. Nested tables' paragraphs are flattened into their top-level cell.
 */
export function snapshotOfDocument(document: SimDocument): DocumentSnapshot {
  const blocks: SnapshotBlock[] = [];
  let paragraphIndexSoFar = 0;
  let tableIndex = 0;
  for (const block of document.blocks) {
    if (block.kind === "paragraph") {
      blocks.push({ kind: "paragraph", text: block.text, location: { kind: "paragraph", paragraph: paragraphIndexSoFar++ } });
      continue;
    }
    const index = tableIndex++;
    const snapshotTable: SnapshotTable = {
      kind: "table",
      index,
      rows: block.rows.map((r, row) => ({
        cells: r.cells.map((c, i) => {
          const paragraphs = paragraphsIn(c.blocks).map((e) => e.paragraph.text);
          paragraphIndexSoFar += paragraphs.length;
          return { paragraphs, location: { kind: "cell", table: index, row, cell: i } };
        }),
      })),
    };
    blocks.push(snapshotTable);
  }
  return { blocks };
}

/** The list of blocks (the body's, or a cell's) that holds a paragraph directly, or null. */
function holderOf(blocks: SimBlock[], p: SimParagraph): SimBlock[] | null {
  const pending: SimBlock[][] = [blocks];
  for (let list = pending.pop(); list; list = pending.pop()) {
    for (const block of list) {
      if (block === p) return list;
      if (block.kind === "table") for (const row of block.rows) for (const c of row.cells) pending.push(c.blocks);
    }
  }
  return null;
}

/** Line ends a typed or pasted text may hold: each ends a paragraph, as Enter does in Word. */
export const TYPED_LINE_END = /\r\n|[\r\n\v\u2028\u2029]/;

/** What the user typed in paragraph `index` (its text after its inline content control, if any), as typeInParagraph takes it; null when there is no such paragraph. */
export function typedTextOf(document: SimDocument, index: number): string | null {
  const p = paragraphsIn(document.blocks)[index]?.paragraph;
  return p ? p.text.slice(p.control?.length ?? 0) : null;
}

/**
 * The user typing in a paragraph, as in Word: `typed` becomes what follows the paragraph's inline content control
 * (all of its text when it has none). The paragraph stays, with its bold, its control and the comments on it. A line
 * end in `typed` ends the paragraph there as Enter does: each further line is a new paragraph after it, in the same
 * cell, with its bold and no control. Returns false (nothing changed) when there is no paragraph at `index`.
 */
export function typeInParagraph(document: SimDocument, index: number, typed: string): boolean {
  const p = paragraphsIn(document.blocks)[index]?.paragraph;
  const holder = p ? holderOf(document.blocks, p) : null;
  if (!p || !holder) return false;
  const [first = "", ...more] = typed.split(TYPED_LINE_END);
  retype(p, p.control?.length ?? 0, first);
  const after = holder.splice(holder.indexOf(p) + 1);
  for (const text of more) holder.push(p.bold ? { kind: "paragraph", text, bold: true } : paragraph(text));
  pushAll(holder, after);
  return true;
}

/**
 * Backspace at the start of a paragraph, as in Word: its text joins the end of the paragraph before it in the same
 * cell (or body), which keeps its own bold and control. Nothing happens (false) at a cell's first paragraph, after a
 * table, or when the paragraph starts with a content control (Word keeps the control where it is).
 * Returns the joined paragraph's index and where in its typed text the two met.
 */
export function joinWithPrevious(document: SimDocument, index: number): { paragraph: number; at: number } | null {
  const p = paragraphsIn(document.blocks)[index]?.paragraph;
  const holder = p ? holderOf(document.blocks, p) : null;
  if (!p || !holder || p.control) return null;
  const before = holder[holder.indexOf(p) - 1];
  if (!before || before.kind !== "paragraph") return null;
  const at = before.text.length - (before.control?.length ?? 0);
  appendParagraph(before, p);
  holder.splice(holder.indexOf(p), 1);
  // Comments on the paragraph that went now sit on the one it joined, as Word keeps them with their text.
  for (const comment of document.comments ?? []) {
    if ("paragraph" in comment.anchor && comment.anchor.paragraph === p) comment.anchor = { paragraph: before };
  }
  return { paragraph: index - 1, at };
}

/**
 * Where paragraph `index` of `body.paragraphs` sits, as plans name it (a body paragraph, or the n-th
 * paragraph of a top-level cell, a nested table's counted in), and the text it holds; null when there
 * is no such paragraph.
 */
export function paragraphPlace(document: SimDocument, index: number): { location: Location; paragraph: number; text: string } | null {
  const entry = paragraphsIn(document.blocks)[index];
  if (!entry) return null;
  const p = entry.paragraph;
  if (entry.tableNestingLevel === 0) return { location: { kind: "paragraph", paragraph: index }, paragraph: 0, text: p.text };
  const holder = cellOfParagraph(document, p);
  const location = holder ? cellLocation(document, holder) : null;
  if (!holder || !location) return null;
  return { location, paragraph: paragraphsIn(holder.blocks).findIndex((e) => e.paragraph === p), text: p.text };
}
