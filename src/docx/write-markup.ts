import { childElement, escapeXml, sourceOf, type XmlElement, type XmlTree } from "./write-xml";

/**
 * Pieces of WordprocessingML that new content is built from: properties copied from the officer's
 * markup without what belongs to one place only (tracked-change marks, revision ids, paragraph ids),
 * and runs, tracked insertions and ids for what we add.
 */

/** How what we write is marked when the document records changes: author and time of a tracked insertion. */
export interface Revision {
  author: string;
  /** ISO 8601 without milliseconds, as Word writes it, e.g. "2026-12-02T01:05:00Z". */
  date: string;
}

export const REVISION_AUTHOR = "Scrutiny Monitoring";

export function revisionAt(now: Date): Revision {
  return { author: REVISION_AUTHOR, date: now.toISOString().replace(/\.\d{3}Z$/, "Z") };
}

/**
 * Fresh values for `w:id` (content controls, tracked changes, bookmarks): one above every id the
 * part holds, so no new id equals any existing one whatever kind it belongs to.
 */
export class IdAllocator {
  private next: number;
  constructor(tree: XmlTree) {
    let highest = 0;
    for (const match of tree.text.matchAll(/\bw:id="(-?\d+)"/g)) highest = Math.max(highest, Number(match[1]));
    this.next = highest + 1;
  }
  take(): number {
    if (this.next > 0x7fffffff) throw new Error("no free content-control id");
    return this.next++;
  }
}

/** Attributes that identify one element or one editing session, never copied: rsids and Word 2010's paragraph ids. */
const UNIQUE_ATTRIBUTE = /^(w:rsid\w*|w14:paraId|w14:textId)$/;

export function startTag(element: XmlElement, extra = ""): string {
  const attributes = Object.entries(element.attributes)
    .filter(([name]) => !UNIQUE_ATTRIBUTE.test(name))
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
  return `<${element.name}${attributes}${extra}>`;
}

/** Children that record a tracked change or a one-off state, dropped from copied properties. */
const NOT_COPIED = new Set([
  "w:ins",
  "w:del",
  "w:moveFrom",
  "w:moveTo",
  "w:rPrChange",
  "w:pPrChange",
  "w:tcPrChange",
  "w:trPrChange",
  "w:cellIns",
  "w:cellDel",
  "w:cellMerge",
  "w:sectPr",
  // A new cell stands alone: continuing the vertical merge above would hide its text.
  "w:vMerge",
  // A new row is never a repeated header row, as in Word.
  "w:tblHeader",
]);

/** A properties element's kept children, each as its source text, with their names. */
export function keptChildren(tree: XmlTree, properties: XmlElement | undefined): { name: string; xml: string }[] {
  if (!properties) return [];
  return properties.children
    .filter((child) => !NOT_COPIED.has(child.name))
    .map((child) => ({ name: child.name, xml: cleanedSource(tree, child) }));
}

/** An element's source, with a nested run-properties element (a paragraph mark's) cleaned as well. */
function cleanedSource(tree: XmlTree, element: XmlElement): string {
  if (element.name !== "w:rPr") return sourceOf(tree, element);
  return `${startTag(element)}${keptChildren(tree, element)
    .map((child) => child.xml)
    .join("")}</w:rPr>`;
}

/** The order of EG_RPrBase (ECMA-376 §17.3.2), which Word expects run properties in. */
const RUN_PROPERTY_ORDER = [
  "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
  "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
  "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
  "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
  "w:specVanish", "w:oMath",
];

function runPropertyRank(name: string): number {
  const rank = RUN_PROPERTY_ORDER.indexOf(name);
  return rank === -1 ? RUN_PROPERTY_ORDER.length : rank;
}

/** Run properties as markup (empty when there are none), in schema order. */
export function runProperties(children: { name: string; xml: string }[]): string {
  if (children.length === 0) return "";
  const sorted = children
    .map((child, index) => ({ child, index }))
    .sort((a, b) => runPropertyRank(a.child.name) - runPropertyRank(b.child.name) || a.index - b.index)
    .map(({ child }) => child.xml);
  return `<w:rPr>${sorted.join("")}</w:rPr>`;
}

/** The same properties, bold or not bold, as the new text must be. */
export function withBold(children: { name: string; xml: string }[], bold: boolean): { name: string; xml: string }[] {
  const rest = children.filter((child) => child.name !== "w:b" && child.name !== "w:bCs");
  return bold ? [...rest, { name: "w:b", xml: "<w:b/>" }, { name: "w:bCs", xml: "<w:bCs/>" }] : rest;
}

export function withColour(children: { name: string; xml: string }[], colour: string): { name: string; xml: string }[] {
  return [...children.filter((child) => child.name !== "w:color"), { name: "w:color", xml: `<w:color w:val="${colour}"/>` }];
}

export function textRun(properties: string, text: string): string {
  if (text === "") return "";
  return `<w:r>${properties}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export function insertionMark(revision: Revision, ids: IdAllocator, name = "w:ins"): string {
  return `<${name} w:id="${ids.take()}" w:author="${escapeXml(revision.author)}" w:date="${revision.date}"/>`;
}

/** A run as a tracked deletion: its text as deleted text (w:t → w:delText, w:instrText → w:delInstrText), the rest as it was. */
export function deletedRun(runXml: string, revision: Revision, ids: IdAllocator): string {
  const run = runXml
    .replace(/<w:t(?=[\s>/])/g, "<w:delText")
    .replace(/<\/w:t>/g, "</w:delText>")
    .replace(/<w:instrText(?=[\s>/])/g, "<w:delInstrText")
    .replace(/<\/w:instrText>/g, "</w:delInstrText>");
  return `<w:del w:id="${ids.take()}" w:author="${escapeXml(revision.author)}" w:date="${revision.date}">${run}</w:del>`;
}

/** Content wrapped as a tracked insertion, or as it is when changes are not tracked. */
export function inserted(content: string, revision: Revision | null, ids: IdAllocator): string {
  if (!revision || content === "") return content;
  return `<w:ins w:id="${ids.take()}" w:author="${escapeXml(revision.author)}" w:date="${revision.date}">${content}</w:ins>`;
}

/** The first run in a paragraph that shows text (w:t), looking into hyperlinks, fields and content controls. */
export function firstTextRun(paragraph: XmlElement): XmlElement | undefined {
  for (const child of paragraph.children) {
    if (child.name === "w:r" && childElement(child, "w:t")) return child;
    if (child.name === "w:pPr" || child.name === "w:del" || child.name === "w:moveFrom") continue;
    const nested = firstTextRun(child);
    if (nested) return nested;
  }
  return undefined;
}
