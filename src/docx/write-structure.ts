import type { DocumentSnapshot } from "../model/snapshot";
import { DocxWriteError } from "./write-errors";
import { childElement, type XmlElement } from "./write-xml";

/**
 * Where the snapshot's places are in word/document.xml, noted by the reader as it reads them
 * (positions.ts), so counted as it counts them: every paragraph in document order (those in table
 * cells and nested tables too), top-level tables in document order (those inside block-level
 * content controls and other wrappers too), each w:tr a row and each w:tc a cell. The writer never
 * reads text here: what a place holds comes from the reader's snapshot, and `assertSameShape`
 * checks that both count the same places.
 */
export interface DocumentStructure {
  body: XmlElement;
  /** The body's own section properties, the last thing in the body; the summary goes before it. */
  sectPr: XmlElement | undefined;
  paragraphs: XmlElement[];
  tables: DocxTable[];
}

export interface DocxTable {
  index: number;
  element: XmlElement;
  rows: DocxRow[];
  /** The block-level content controls around the table, innermost first. */
  sdts: XmlElement[];
}

export interface DocxRow {
  element: XmlElement;
  cells: DocxCell[];
}

export interface DocxCell {
  element: XmlElement;
  /** The cell's paragraphs as the snapshot lists them (a nested table's flattened in). */
  paragraphs: XmlElement[];
}

export function sdtContent(sdt: XmlElement): XmlElement[] {
  return childElement(sdt, "w:sdtContent")?.children ?? [];
}

/** A content control's tag (`w:sdtPr/w:tag/@w:val`), if any. */
export function sdtTag(sdt: XmlElement): string | undefined {
  const properties = childElement(sdt, "w:sdtPr");
  return properties && childElement(properties, "w:tag")?.attributes["w:val"];
}

/** What assertSameShape compares: how many places of each kind there are (tables, rows and cells by index, all in range). */
export interface PlaceCounts {
  paragraphs: number;
  tables: number;
  rows(table: number): number;
  cells(table: number, row: number): number;
  cellParagraphs(table: number, row: number, cell: number): number;
}

/**
 * Refuses to write when the places counted here are not the ones the reader counted: then a location
 * in a plan might name a different cell in the file than in the snapshot. Text is not compared (the
 * reader owns text); the counts of tables, rows, cells, paragraphs per cell and paragraphs are.
 */
export function assertSameShape(counts: PlaceCounts, snapshot: DocumentSnapshot): void {
  if (!sameShape(counts, snapshot)) throw layoutMismatch();
}

export function sameShape(counts: PlaceCounts, snapshot: DocumentSnapshot): boolean {
  let paragraphs = 0;
  let tables = 0;
  for (const block of snapshot.blocks) {
    if (block.kind === "paragraph") {
      paragraphs++;
      continue;
    }
    const table = tables++;
    if (table >= counts.tables || counts.rows(table) !== block.rows.length) return false;
    for (let row = 0; row < block.rows.length; row++) {
      const cells = block.rows[row].cells;
      if (counts.cells(table, row) !== cells.length) return false;
      for (let cell = 0; cell < cells.length; cell++) {
        paragraphs += cells[cell].paragraphs.length;
        if (counts.cellParagraphs(table, row, cell) !== cells[cell].paragraphs.length) return false;
      }
    }
  }
  return tables === counts.tables && paragraphs === counts.paragraphs;
}

export function layoutMismatch(): DocxWriteError {
  return new DocxWriteError(
    "layout",
    "This document's tables and paragraphs could not be matched exactly to what was read from it, so nothing was written to it.",
  );
}
