import type { GradeDropdown, NewCell, NewRow } from "../model/plan";
import {
  REVISION_AUTHOR,
  deletedRun,
  firstTextRun,
  inserted,
  insertionMark,
  keptChildren,
  runProperties,
  startTag,
  textRun,
  withBold,
  withColour,
  type IdAllocator,
  type Revision,
} from "./write-markup";
import type { DocxCell, DocxRow } from "./write-structure";
import type { Fragment } from "./write-verify";
import { childElement, escapeXml, type XmlElement, type XmlTree } from "./write-xml";

/** What building new markup needs besides the template: the part, fresh ids, and the revision when changes are tracked. */
export interface BuildContext {
  tree: XmlTree;
  ids: IdAllocator;
  revision: Revision | null;
}

/**
 * A new row as Word's `insertRows` makes it: a copy of the template row's row, cell, paragraph and
 * run properties (borders, shading, widths, fonts) holding only the new text. Nothing that must be
 * unique or belongs to the officer is copied: their text, bookmarks, comment marks, content
 * controls, tracked-change marks, rsids and paragraph ids.
 */
export function newRowXml(context: BuildContext, template: DocxRow, row: NewRow): string {
  if (row.cells.length !== template.cells.length) {
    throw new Error(`a new row has ${row.cells.length} cells but the row it copies has ${template.cells.length}`);
  }
  const { tree } = context;
  const tblPrEx = childElement(template.element, "w:tblPrEx");
  const cells = template.cells.map((cell, index) => newCellXml(context, cell, row.cells[index])).join("");
  return `${startTag(template.element)}${tblPrEx ? tree.text.slice(tblPrEx.start, tblPrEx.end) : ""}${rowProperties(context, template.element)}${cells}</w:tr>`;
}

/** A splice of word/document.xml, with the markup the reader must read in what it leaves, when there is any. */
export interface RowSplice {
  start: number;
  end: number;
  text: string;
  reads?: Fragment;
}

/**
 * Takes a row out. With changes tracked it is marked deleted as Word marks a row deleted with Track
 * Changes on: the row itself (CT_TrPr's w:del, after a w:ins and before a w:trPrChange) and each of its
 * runs (a w:del around it, its w:t as w:delText), so that every character it holds stays in the file
 * until the change is accepted; the reader then reads it as no row. A row that is still our own tracked
 * insertion (an update added and not yet accepted) is taken out, as deleting one's own insertion does in
 * Word. (The rows a plan removes hold only what Add wrote: see planRemoveRound.)
 */
export function rowRemoval(context: BuildContext, row: XmlElement): RowSplice {
  const { revision, ids, tree } = context;
  const properties = childElement(row, "w:trPr");
  const insertion = properties && childElement(properties, "w:ins");
  const holdsNothing = row.contentStart === row.end;
  if (!revision || holdsNothing || insertion?.attributes["w:author"] === REVISION_AUTHOR) return { start: row.start, end: row.end, text: "" };
  const edits: { start: number; end: number; text: string }[] = [];
  const mark = insertionMark(revision, ids, "w:del");
  if (!properties) {
    const exceptions = childElement(row, "w:tblPrEx");
    const at = exceptions ? exceptions.end : row.contentStart;
    edits.push({ start: at, end: at, text: `<w:trPr>${mark}</w:trPr>` });
  } else if (properties.contentStart === properties.end) {
    edits.push({ start: properties.start, end: properties.end, text: `${startTag(properties)}${mark}</w:trPr>` });
  } else {
    const change = childElement(properties, "w:trPrChange");
    const at = insertion ? insertion.end : change ? change.start : properties.contentEnd;
    edits.push({ start: at, end: at, text: mark });
  }
  for (const run of runsIn(row).sort((a, b) => a.start - b.start)) edits.push({ start: run.start, end: run.end, text: deletedRun(tree.text.slice(run.start, run.end), revision, ids) });
  edits.sort((a, b) => a.start - b.start);
  let marked = "";
  let at = row.start;
  for (const edit of edits) {
    marked += tree.text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  marked += tree.text.slice(at, row.end);
  return { start: row.start, end: row.end, text: marked, reads: { xml: `<w:tbl>${marked}</w:tbl>`, blocks: [{ kind: "table", rows: [] }] } };
}

/** The runs in an element that are not already a tracked deletion or a move away. */
function runsIn(element: XmlElement): XmlElement[] {
  const runs: XmlElement[] = [];
  const pending = [element];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (let index = next.children.length - 1; index >= 0; index--) {
      const child = next.children[index]!;
      if (child.name === "w:r") runs.push(child);
      else if (child.name !== "w:del" && child.name !== "w:moveFrom" && !child.name.endsWith("Pr")) pending.push(child);
    }
  }
  return runs;
}

function rowProperties(context: BuildContext, row: XmlElement): string {
  const properties = childElement(row, "w:trPr");
  const kept = keptChildren(context.tree, properties).map((child) => child.xml);
  // CT_TrPr: the row's properties, then the tracked insertion of the row itself.
  if (context.revision) kept.push(insertionMark(context.revision, context.ids));
  if (kept.length === 0) return "";
  return `${properties ? startTag(properties) : "<w:trPr>"}${kept.join("")}</w:trPr>`;
}

function newCellXml(context: BuildContext, template: DocxCell, cell: NewCell): string {
  const properties = childElement(template.element, "w:tcPr");
  const kept = keptChildren(context.tree, properties).map((child) => child.xml);
  const tcPr = kept.length > 0 ? `${startTag(properties!)}${kept.join("")}</w:tcPr>` : "";
  const paragraph = template.paragraphs[0];
  return `${startTag(template.element)}${tcPr}${newParagraphXml(context, paragraph, cell)}</w:tc>`;
}

/** One paragraph with the template paragraph's properties and its first text run's formatting. */
export function newParagraphXml(context: BuildContext, template: XmlElement | undefined, cell: NewCell): string {
  const { tree, revision, ids } = context;
  const pPr = template && childElement(template, "w:pPr");
  const markProperties = pPr && childElement(pPr, "w:rPr");
  const run = template && firstTextRun(template);
  const runRPr = run ? childElement(run, "w:rPr") : markProperties;
  const formatting = withBold(keptChildren(tree, runRPr), cell.bold);
  // After a dropdown, the text is set off by a space (as applyPlanToSnapshot reads the cell).
  const text = cell.dropdown && cell.text !== "" ? ` ${cell.text}` : cell.text;
  const content =
    (cell.dropdown ? dropdownXml(context, cell.dropdown, formatting) : "") +
    inserted(textRun(runProperties(formatting), text), revision, ids);
  return `${template ? startTag(template) : "<w:p>"}${paragraphProperties(context, pPr)}${content}</w:p>`;
}

/** The template's paragraph properties; when changes are tracked, the paragraph mark recorded as inserted. */
function paragraphProperties(context: BuildContext, pPr: XmlElement | undefined): string {
  const { tree, revision, ids } = context;
  const children = pPr ? pPr.children.filter((child) => child.name !== "w:pPrChange" && child.name !== "w:sectPr") : [];
  let hasMark = false;
  const parts = children.map((child) => {
    if (child.name !== "w:rPr") return tree.text.slice(child.start, child.end);
    hasMark = true;
    // CT_ParaRPr: the insertion mark comes first.
    const mark = revision ? insertionMark(revision, ids) : "";
    return `${startTag(child)}${mark}${keptChildren(tree, child)
      .map((kept) => kept.xml)
      .join("")}</w:rPr>`;
  });
  if (!hasMark && revision) parts.push(`<w:rPr>${insertionMark(revision, ids)}</w:rPr>`);
  if (parts.length === 0) return "";
  return `${pPr ? startTag(pPr) : "<w:pPr>"}${parts.join("")}</w:pPr>`;
}

/** Word's colour for placeholder text (its built-in "Placeholder Text" style). */
const PLACEHOLDER_COLOUR = "808080";

/**
 * An unchosen dropdown content control, as WordApi 1.9's `insertContentControl("DropDownList")`
 * makes it: our tag, the key's four grades as items, showing the placeholder "Choose a grade".
 * Choosing an item replaces the placeholder with the item, formatted as the surrounding text.
 */
export function dropdownXml(
  context: BuildContext,
  dropdown: GradeDropdown,
  formatting: { name: string; xml: string }[],
): string {
  const items = dropdown.items
    .map((item) => `<w:listItem w:displayText="${escapeXml(item)}" w:value="${escapeXml(item)}"/>`)
    .join("");
  const properties =
    `<w:sdtPr>${runProperties(formatting)}<w:alias w:val="${escapeXml(dropdown.title)}"/>` +
    `<w:tag w:val="${escapeXml(dropdown.tag)}"/><w:id w:val="${context.ids.take()}"/><w:showingPlcHdr/>` +
    `<w:dropDownList>${items}</w:dropDownList></w:sdtPr>`;
  const placeholder = textRun(runProperties(withColour(formatting, PLACEHOLDER_COLOUR)), dropdown.placeholder);
  return `<w:sdt>${properties}<w:sdtContent>${inserted(placeholder, context.revision, context.ids)}</w:sdtContent></w:sdt>`;
}
