import type { GradeDropdown, NewCell, NewRow } from "../model/plan";
import {
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
