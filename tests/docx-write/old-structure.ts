/**
 * The writer's own position pass as it was before the reader noted positions (a second tokenization
 * of word/document.xml into a tree, searched by the elements' `w:` names): kept as the reference the
 * positions the reader now records are compared with (positions.test.ts).
 */
import type { DocumentStructure, DocxTable } from "../../src/docx/write-structure";
import { sdtContent } from "../../src/docx/write-structure";
import { childElement, type XmlElement, type XmlTree } from "../../src/docx/write-xml";

export interface OldStructure extends DocumentStructure {
  tables: (DocxTable & { bodyChild: XmlElement })[];
  bodyChildOfParagraph: XmlElement[];
}

const BLOCK_WRAPPERS = new Set(["w:customXml", "w:ins", "w:moveTo"]);
const ROW_WRAPPERS = new Set(["w:customXml", "w:ins", "w:moveTo"]);

export function documentStructure(tree: XmlTree): OldStructure {
  const document = tree.roots.find((element) => element.name === "w:document");
  const body = document && childElement(document, "w:body");
  if (!body) throw new Error("no w:document/w:body");
  const last = body.children[body.children.length - 1];
  const structure: OldStructure = {
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

function cellParagraphs(cell: XmlElement, structure: OldStructure, bodyChild: XmlElement): XmlElement[] {
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
    else if (element.name === "w:sdt") for (const inner of collect(sdtContent(element), name, wrappers)) found.push(inner);
    else if (wrappers.has(element.name)) for (const inner of collect(element.children, name, wrappers)) found.push(inner);
  }
  return found;
}

