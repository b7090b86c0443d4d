import type { DocumentSnapshot } from "../model/snapshot";
import { pushAll } from "../model/arrays";
import { DocxError, messages } from "./errors";
import { DocxWriteError } from "./write-errors";
import { childElement, type XmlElement, type XmlTree } from "./write-xml";

/**
 * Where the snapshot's places are in word/document.xml, counted as the reader counts them: every
 * paragraph in document order (those in table cells and nested tables too), top-level tables in
 * document order (those inside block-level content controls and other wrappers too), each w:tr a
 * row and each w:tc a cell. The writer never reads text here: what a place holds comes from the
 * reader's snapshot, and `assertSameShape` checks that both count the same places.
 */
export interface DocumentStructure {
  body: XmlElement;
  /** The body's own section properties, the last thing in the body; the summary goes before it. */
  sectPr: XmlElement | undefined;
  paragraphs: XmlElement[];
  tables: DocxTable[];
  /** For each paragraph index: the body child holding it (itself, a table, a content control…). */
  bodyChildOfParagraph: XmlElement[];
}

export interface DocxTable {
  index: number;
  element: XmlElement;
  rows: DocxRow[];
  /** The body child holding the table (the table itself, or a content control or other wrapper around it). */
  bodyChild: XmlElement;
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

const BLOCK_WRAPPERS = new Set(["w:customXml", "w:ins", "w:moveTo"]);
const ROW_WRAPPERS = new Set(["w:customXml", "w:ins", "w:moveTo"]);

export function documentStructure(tree: XmlTree): DocumentStructure {
  const document = tree.roots.find((element) => element.name === "w:document");
  const body = document && childElement(document, "w:body");
  if (!body) throw new DocxError("not-word", messages.notWord());
  const last = body.children[body.children.length - 1];
  const structure: DocumentStructure = {
    body,
    sectPr: last?.name === "w:sectPr" ? last : undefined,
    paragraphs: [],
    tables: [],
    bodyChildOfParagraph: [],
  };
  for (const child of body.children) {
    readBlocks([child], [], {
      paragraph: (paragraph) => {
        structure.paragraphs.push(paragraph);
        structure.bodyChildOfParagraph.push(child);
      },
      table: (table, sdts) => {
        const index = structure.tables.length;
        const rows = rowsOf(table).map((row) => ({
          element: row,
          cells: cellsOf(row).map((cell) => ({ element: cell, paragraphs: cellParagraphs(cell, structure, child) })),
        }));
        structure.tables.push({ index, element: table, rows, bodyChild: child, sdts: [...sdts].reverse() });
      },
    });
  }
  return structure;
}

interface BlockSink {
  paragraph(paragraph: XmlElement): void;
  table(table: XmlElement, sdts: XmlElement[]): void;
}

function readBlocks(elements: XmlElement[], sdts: XmlElement[], sink: BlockSink): void {
  for (const element of elements) {
    if (element.name === "w:p") sink.paragraph(element);
    else if (element.name === "w:tbl") sink.table(element, sdts);
    else if (element.name === "w:sdt") readBlocks(sdtContent(element), [...sdts, element], sink);
    else if (BLOCK_WRAPPERS.has(element.name)) readBlocks(element.children, sdts, sink);
  }
}

function cellParagraphs(cell: XmlElement, structure: DocumentStructure, bodyChild: XmlElement): XmlElement[] {
  const paragraphs: XmlElement[] = [];
  const sink: BlockSink = {
    paragraph: (paragraph) => {
      paragraphs.push(paragraph);
      structure.paragraphs.push(paragraph);
      structure.bodyChildOfParagraph.push(bodyChild);
    },
    table: (nested) => {
      for (const row of rowsOf(nested)) for (const nestedCell of cellsOf(row)) readBlocks(nestedCell.children, [], sink);
    },
  };
  readBlocks(cell.children, [], sink);
  return paragraphs;
}

function rowsOf(table: XmlElement): XmlElement[] {
  return collect(table.children, "w:tr", ROW_WRAPPERS);
}

function cellsOf(row: XmlElement): XmlElement[] {
  return collect(row.children, "w:tc", ROW_WRAPPERS);
}

function collect(elements: XmlElement[], name: string, wrappers: Set<string>): XmlElement[] {
  const found: XmlElement[] = [];
  for (const element of elements) {
    if (element.name === name) found.push(element);
    else if (element.name === "w:sdt") pushAll(found, collect(sdtContent(element), name, wrappers));
    else if (wrappers.has(element.name)) pushAll(found, collect(element.children, name, wrappers));
  }
  return found;
}

export function sdtContent(sdt: XmlElement): XmlElement[] {
  return childElement(sdt, "w:sdtContent")?.children ?? [];
}

/** A content control's tag (`w:sdtPr/w:tag/@w:val`), if any. */
export function sdtTag(sdt: XmlElement): string | undefined {
  const properties = childElement(sdt, "w:sdtPr");
  return properties && childElement(properties, "w:tag")?.attributes["w:val"];
}

/**
 * Refuses to write when the places counted here are not the ones the reader counted: then a location
 * in a plan might name a different cell in the file than in the snapshot. Text is not compared (the
 * reader owns text); the counts of tables, rows, cells, paragraphs per cell and paragraphs are.
 */
export function assertSameShape(structure: DocumentStructure, snapshot: DocumentSnapshot): void {
  let paragraphs = 0;
  let tables = 0;
  let same = true;
  for (const block of snapshot.blocks) {
    if (block.kind === "paragraph") {
      paragraphs++;
      continue;
    }
    const table = structure.tables[tables++];
    if (!table || table.rows.length !== block.rows.length) {
      same = false;
      break;
    }
    block.rows.forEach((row, rowIndex) => {
      const cells = table.rows[rowIndex].cells;
      if (cells.length !== row.cells.length) same = false;
      row.cells.forEach((cell, cellIndex) => {
        paragraphs += cell.paragraphs.length;
        if (cells[cellIndex]?.paragraphs.length !== cell.paragraphs.length) same = false;
      });
    });
  }
  if (!same || tables !== structure.tables.length || paragraphs !== structure.paragraphs.length) {
    throw new DocxWriteError(
      "layout",
      "This document's tables and paragraphs could not be matched exactly to what was read from it, so nothing was written to it.",
    );
  }
}
