import type {
  CellLocation,
  DocumentSnapshot,
  Location,
  SnapshotBlock,
  SnapshotCell,
  SnapshotTable,
} from "../model/snapshot";

/**
 * The in-memory document behind the simulated Word: plain, mutable data. Proxies resolve to these
 * objects at sync time, so later write operations (insertRows, insertTable, bold…) only need to
 * mutate these arrays; locations are always computed afresh from the structure.
 */
export interface SimParagraph {
  kind: "paragraph";
  text: string;
}

export interface SimTable {
  kind: "table";
  rows: SimRow[];
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
