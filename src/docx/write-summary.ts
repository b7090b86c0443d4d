import { SUMMARY_TAG, SUMMARY_TITLE_PREFIX, type SummaryPlace } from "../model/plan";
import { insertionMark } from "./write-markup";
import { newParagraphXml, type BuildContext } from "./write-rows";
import type { DocumentStructure } from "./write-structure";
import { childElement, escapeXml } from "./write-xml";

/** A4 with Word's default 2.54 cm margins, in twentieths of a point: the width when the section does not say. */
const DEFAULT_TEXT_WIDTH = 9026;
const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="auto"';
const TITLE_SHADING = "D9E2F3";

/**
 * The grade summary: a table (title row first, bold and shaded) inside a block-level content control
 * tagged SUMMARY_TAG, so that a later refresh replaces exactly it. `id`, when given, is the id of the
 * content control being replaced, kept so that a refresh with the same figures writes the same markup.
 */
export function summaryXml(context: BuildContext, structure: DocumentStructure, rows: string[][], id?: string): string {
  let columns = 1;
  for (const row of rows) columns = Math.max(columns, row.length);
  const width = textWidth(structure);
  // The first column holds the row names (updates, recommendations): twice as wide as the figures.
  const share = Math.floor(width / (columns + 1));
  const widths = Array.from({ length: columns }, (_, column) =>
    columns === 1 ? width : column === 0 ? width - share * (columns - 1) : share,
  );
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} ${BORDER}/>`).join("");
  const table =
    `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>${rows.map((row, index) => rowXml(context, row, widths, index === 0)).join("")}</w:tbl>`;
  return (
    `<w:sdt><w:sdtPr><w:alias w:val="${escapeXml(SUMMARY_TITLE_PREFIX)}"/><w:tag w:val="${SUMMARY_TAG}"/>` +
    `<w:id w:val="${id ?? context.ids.take()}"/></w:sdtPr><w:sdtContent>${table}</w:sdtContent></w:sdt>`
  );
}

function rowXml(context: BuildContext, cells: string[], widths: number[], title: boolean): string {
  const { revision, ids } = context;
  const trPr = revision ? `<w:trPr>${insertionMark(revision, ids)}</w:trPr>` : "";
  const tcs = cells.map((text, index) => {
    // A short row's last cell spans the rest of the grid, so every row is as wide as the table.
    const span = index === cells.length - 1 ? widths.length - index : 1;
    const width = widths.slice(index, index + span).reduce((sum, w) => sum + w, 0);
    const properties =
      `<w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}` +
      (title ? `<w:shd w:val="clear" w:color="auto" w:fill="${TITLE_SHADING}"/>` : "");
    return `<w:tc><w:tcPr>${properties}</w:tcPr>${newParagraphXml(context, undefined, { text, bold: title })}</w:tc>`;
  });
  return `<w:tr>${trPr}${tcs.join("")}</w:tr>`;
}

/** The body's text width: the page width less its left and right margins. */
function textWidth(structure: DocumentStructure): number {
  const section = structure.sectPr;
  const page = section && childElement(section, "w:pgSz");
  const margins = section && childElement(section, "w:pgMar");
  const width = Number(page?.attributes["w:w"]);
  const left = Number(margins?.attributes["w:left"] ?? 0);
  const right = Number(margins?.attributes["w:right"] ?? 0);
  const text = width - left - right;
  return Number.isFinite(text) && text > 1000 ? Math.round(text) : DEFAULT_TEXT_WIDTH;
}

/**
 * Where a new summary goes: at the end (after the last block, before the body's section properties)
 * or straight after a body paragraph (undefined when that is not a body paragraph). An empty paragraph follows it when nothing or a table would,
 * and precedes it at the end of a body ending with a table, as Word keeps tables apart (adjacent
 * tables merge into one) and ends a document with a paragraph.
 */
export function summaryPlace(
  structure: DocumentStructure,
  place: SummaryPlace,
): { at: number; paragraphBefore: boolean; paragraphAfter: boolean } | undefined {
  if (place.kind === "end") {
    return { at: structure.sectPr?.start ?? structure.body.contentEnd, paragraphBefore: endsWithTable(structure), paragraphAfter: true };
  }
  const paragraph = structure.paragraphs[place.paragraph];
  const inTable = paragraph && structure.tables.some((table) => table.element.start < paragraph.start && paragraph.end <= table.element.end);
  if (!paragraph || inTable) return undefined;
  const next = nextBlockStart(structure, paragraph.end);
  return { at: paragraph.end, paragraphBefore: false, paragraphAfter: next === undefined || next.kind === "table" };
}

/** Whether the body's last block is a table (or holds one last, as a content control around a table does). */
function endsWithTable(structure: DocumentStructure): boolean {
  const table = structure.tables[structure.tables.length - 1];
  if (!table) return false;
  const paragraph = structure.paragraphs[structure.paragraphs.length - 1];
  return !paragraph || paragraph.end <= table.element.end;
}

/** The first paragraph or top-level table starting at or after `position`. */
function nextBlockStart(structure: DocumentStructure, position: number): { kind: "paragraph" | "table" } | undefined {
  const table = structure.tables.find((candidate) => candidate.element.start >= position);
  const paragraph = structure.paragraphs.find((candidate) => candidate.start >= position);
  if (!table && !paragraph) return undefined;
  if (table && (!paragraph || table.element.start < paragraph.start)) return { kind: "table" };
  return { kind: "paragraph" };
}
