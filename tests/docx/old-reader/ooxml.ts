import type { DocumentSnapshot, SnapshotBlock, SnapshotCell, SnapshotRow } from "../../../src/model/snapshot";
import { pushAll } from "../../../src/model/arrays";
import { DocxError, messages } from "../../../src/docx/errors";
import { attributeOf, childNamed, childrenOf, nameOf, textOf, type XmlNode } from "./xml";

/** Where a reader puts what it finds: the body's blocks, or one cell's paragraphs. */
interface BlockSink {
  paragraph(text: string): void;
  table(table: XmlNode): void;
}

/** Containers whose content is read as if it stood in their place. */
const BLOCK_WRAPPERS = new Set(["w:customXml", "w:ins", "w:moveTo"]);
const INLINE_WRAPPERS = new Set([
  "w:ins",
  "w:moveTo",
  "w:hyperlink",
  "w:smartTag",
  "w:customXml",
  "w:fldSimple",
  "w:dir",
  "w:bdo",
]);
const ROW_WRAPPERS = new Set(["w:customXml", "w:ins", "w:moveTo"]);

/**
 * Turns a parsed word/document.xml into a snapshot. Paragraph indices count every paragraph in
 * document order, those in (nested) table cells included, as Word's `body.paragraphs` does; only
 * top-level tables get a table index, and each real cell (w:tc) is one cell, as in `Table.values`.
 */
export function snapshotFromDocumentXml(root: XmlNode[]): DocumentSnapshot {
  const document = root.find((node) => nameOf(node) === "w:document");
  const body = document && childNamed(document, "w:body");
  if (!body) throw new DocxError("not-word", messages.notWord());
  return new BodyReader().read(body);
}

class BodyReader {
  private paragraphs = 0;
  private tables = 0;

  read(body: XmlNode): DocumentSnapshot {
    const blocks: SnapshotBlock[] = [];
    this.readBlocks(childrenOf(body), {
      paragraph: (text) => {
        blocks.push({ kind: "paragraph", text, location: { kind: "paragraph", paragraph: this.paragraphs++ } });
      },
      table: (table) => blocks.push(this.readTable(table)),
    });
    return { blocks };
  }

  private readBlocks(nodes: XmlNode[], sink: BlockSink): void {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === "w:p") sink.paragraph(paragraphText(node));
      else if (name === "w:tbl") sink.table(node);
      else if (name === "w:sdt") this.readBlocks(sdtContent(node), sink);
      else if (name !== undefined && BLOCK_WRAPPERS.has(name)) this.readBlocks(childrenOf(node), sink);
      // Anything else (w:sectPr, bookmarks, w:del, w:moveFrom, …) holds no body paragraphs.
    }
  }

  private readTable(table: XmlNode): SnapshotBlock {
    const index = this.tables++;
    const rows: SnapshotRow[] = rowsOf(table).map((row, rowIndex) => ({
      cells: cellsOf(row).map((cell, cellIndex): SnapshotCell => ({
        paragraphs: this.readCell(cell),
        location: { kind: "cell", table: index, row: rowIndex, cell: cellIndex },
      })),
    }));
    return { kind: "table", index, rows };
  }

  /** A cell's paragraphs, a nested table's flattened into them in document order. */
  private readCell(cell: XmlNode): string[] {
    const paragraphs: string[] = [];
    const sink: BlockSink = {
      paragraph: (text) => {
        paragraphs.push(text);
        this.paragraphs++;
      },
      table: (nested) => {
        for (const row of rowsOf(nested)) {
          for (const nestedCell of cellsOf(row)) this.readBlocks(childrenOf(nestedCell), sink);
        }
      },
    };
    this.readBlocks(childrenOf(cell), sink);
    return paragraphs;
  }
}

function rowsOf(table: XmlNode): XmlNode[] {
  return collect(childrenOf(table), "w:tr", ROW_WRAPPERS);
}

/** A row's real cells: one per w:tc, so a horizontally merged cell (gridSpan) is one and a vMerge continuation is one. */
function cellsOf(row: XmlNode): XmlNode[] {
  return collect(childrenOf(row), "w:tc", ROW_WRAPPERS);
}

/** Elements named `name`, looking through content controls and other wrappers around them. */
function collect(nodes: XmlNode[], name: string, wrappers: Set<string>): XmlNode[] {
  const found: XmlNode[] = [];
  for (const node of nodes) {
    const nodeName = nameOf(node);
    if (nodeName === name) found.push(node);
    else if (nodeName === "w:sdt") pushAll(found, collect(sdtContent(node), name, wrappers));
    else if (nodeName !== undefined && wrappers.has(nodeName)) pushAll(found, collect(childrenOf(node), name, wrappers));
  }
  return found;
}

function sdtContent(sdt: XmlNode): XmlNode[] {
  const content = childNamed(sdt, "w:sdtContent");
  return content ? childrenOf(content) : [];
}

/**
 * A complex field (w:fldChar begin … separate … end) shows its result, not its code: text is kept
 * only while every open field is past its separator. Fields nest (an IF holding a MERGEFIELD).
 */
type FieldPart = "code" | "result";

function paragraphText(paragraph: XmlNode): string {
  const parts: string[] = [];
  // Kept per paragraph: a field left open by a damaged file then hides no more than its own paragraph.
  const fields: FieldPart[] = [];
  readInline(childrenOf(paragraph), parts, fields);
  return parts.join("");
}

function readInline(nodes: XmlNode[], parts: string[], fields: FieldPart[]): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === "w:r") readRun(node, parts, fields);
    else if (name === "w:sdt") readInline(sdtContent(node), parts, fields);
    else if (name !== undefined && INLINE_WRAPPERS.has(name)) readInline(childrenOf(node), parts, fields);
    // w:del and w:moveFrom (tracked deletions), w:pPr, bookmarks, comments, maths: not text of the paragraph.
  }
}

function readRun(run: XmlNode, parts: string[], fields: FieldPart[]): void {
  for (const node of childrenOf(run)) {
    const name = nameOf(node);
    if (name === "w:fldChar") {
      const type = attributeOf(node, "w:fldCharType");
      if (type === "begin") fields.push("code");
      else if (type === "separate" && fields.length > 0) fields[fields.length - 1] = "result";
      else if (type === "end") fields.pop();
      continue;
    }
    if (fields.includes("code")) continue;
    const text = runText(node, name);
    if (text) parts.push(text);
  }
}

/** The text a run child shows; w:delText and w:instrText (deleted text, field codes) show none. */
function runText(node: XmlNode, name: string | undefined): string {
  switch (name) {
    case "w:t":
      return textOf(node);
    case "w:tab":
    case "w:ptab":
    case "w:br":
    case "w:cr":
      return " ";
    case "w:noBreakHyphen":
      return "-";
    case "w:sym":
      return symbol(attributeOf(node, "w:char"));
    default:
      return "";
  }
}

/** A w:sym character. Symbol fonts use the private-use range F000–F0FF; Word reports the same code. */
function symbol(code: string | undefined): string {
  const value = code === undefined ? NaN : parseInt(code, 16);
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : "";
}
