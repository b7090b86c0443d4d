/**
 * The document as plain data: what the Word gateway and the .docx reader both produce,
 * and all the engine ever reads. Blocks are in document order.
 */

/**
 * A body paragraph, by its index in Word's `body.paragraphs` (WordApi 1.3 and later: every
 * paragraph in document order, those inside tables included).
 */
export interface ParagraphLocation {
  kind: "paragraph";
  paragraph: number;
}

/**
 * A table cell: `table` is the index among top-level tables in document order, `row` and `cell`
 * index into that table's `Table.values` (one entry per real cell, so merged rows are shorter).
 */
export interface CellLocation {
  kind: "cell";
  table: number;
  row: number;
  cell: number;
}

export type Location = ParagraphLocation | CellLocation;

export interface SnapshotParagraph {
  kind: "paragraph";
  text: string;
  location: ParagraphLocation;
}

export interface SnapshotCell {
  /** The cell's paragraphs, in order; a nested table's text is flattened into them. */
  paragraphs: string[];
  location: CellLocation;
}

export interface SnapshotRow {
  cells: SnapshotCell[];
}

export interface SnapshotTable {
  kind: "table";
  /** Index among top-level tables in document order (same as in each cell's location). */
  index: number;
  rows: SnapshotRow[];
}

export type SnapshotBlock = SnapshotParagraph | SnapshotTable;

export interface DocumentSnapshot {
  blocks: SnapshotBlock[];
  /** Word with WordApi 1.4: the document tracks changes, so writes show as tracked revisions. Absent when unknown. */
  trackingChanges?: boolean;
}
