import { GRADE_DROPDOWN_TAG, type Write } from "../model/plan";
import { DocxWriteError } from "./write-errors";
import { firstTextRun, inserted, keptChildren, runProperties, textRun } from "./write-markup";
import type { BuildContext } from "./write-rows";
import type { Splice } from "./write-splice";
import { sdtTag, type DocxCell } from "./write-structure";
import { childElement, descendants, escapeXml, type XmlElement } from "./write-xml";

type SetGrade = Extract<Write, { kind: "set-grade" }>;
type Edit = Omit<Splice, "order">;

/**
 * A grade put into an Assessment cell, touching only the characters the plan names: our unchosen
 * dropdown's placeholder becomes the grade (as choosing the item in Word does); or exactly the grade
 * as written is replaced in its text; or the grade goes at the very start of the cell's first
 * paragraph. When changes are tracked, what is added is a tracked insertion and what is replaced a
 * tracked deletion, by "Scrutiny Monitoring".
 */
export function setGradeEdits(context: BuildContext, cell: DocxCell, firstParagraphText: string, write: SetGrade): Edit[] {
  if (write.dropdown) return chooseDropdownItem(context, cell, write.text);
  if (write.replace) return replaceGrade(context, cell, write.replace, write.text);
  const paragraph = cell.paragraphs[0];
  if (!paragraph) throw cannot("the cell has no paragraph");
  const run = firstTextRun(paragraph);
  const pPr = childElement(paragraph, "w:pPr");
  const formatting = keptChildren(context.tree, run ? childElement(run, "w:rPr") : pPr && childElement(pPr, "w:rPr"));
  const text = firstParagraphText === "" ? write.text : `${write.text} `;
  const at = pPr ? pPr.end : paragraph.contentStart;
  return [{ start: at, end: at, text: inserted(textRun(runProperties(formatting), text), context.revision, context.ids) }];
}

/**
 * Our dropdown's item chosen, as Word saves a choice: the control's content becomes the item's text
 * (replacing the placeholder, or the item chosen before), `w:showingPlcHdr` goes, and the list
 * records the item as its `w:lastValue`.
 */
function chooseDropdownItem(context: BuildContext, cell: DocxCell, text: string): Edit[] {
  const sdt = cell.paragraphs
    .flatMap((paragraph) => [...descendants(paragraph)])
    .find((element) => element.name === "w:sdt" && sdtTag(element) === GRADE_DROPDOWN_TAG);
  const properties = sdt && childElement(sdt, "w:sdtPr");
  const content = sdt && childElement(sdt, "w:sdtContent");
  const list = properties && childElement(properties, "w:dropDownList");
  if (!properties || !content || !list) throw cannot("the cell's grade dropdown is not there");
  const showing = childElement(properties, "w:showingPlcHdr");
  // The item takes the control's own run formatting (its w:rPr), as Word gives a chosen item.
  const formatting = keptChildren(context.tree, childElement(properties, "w:rPr"));
  const item = list.children.find((child) => child.name === "w:listItem" && child.attributes["w:displayText"] === text);
  return [
    ...(showing ? [{ start: showing.start, end: showing.end, text: "" }] : []),
    { start: list.start, end: list.contentStart, text: withLastValue(list, item?.attributes["w:value"] ?? text) },
    { start: content.contentStart, end: content.contentEnd, text: inserted(textRun(runProperties(formatting), text), context.revision, context.ids) },
  ];
}

/** The list's start tag with `w:lastValue` set to `value` (its other attributes as they were). */
function withLastValue(list: XmlElement, value: string): string {
  const attributes = Object.entries(list.attributes)
    .filter(([name]) => name !== "w:lastValue")
    .map(([name, current]) => ` ${name}="${escapeXml(current)}"`)
    .join("");
  const selfClosing = list.contentStart === list.end;
  return `<${list.name}${attributes} w:lastValue="${escapeXml(value)}"${selfClosing ? "/>" : ">"}`;
}

/** Where each character of a paragraph's text (as the reader reads it) comes from: a w:t's raw content, or elsewhere. */
interface TextPiece {
  text: string;
  /** The w:t it is in, with the raw offset of each decoded character (and one past the end); undefined for tabs, breaks… */
  source?: { element: XmlElement; run: XmlElement; offsets: number[] };
}

function replaceGrade(context: BuildContext, cell: DocxCell, replace: NonNullable<SetGrade["replace"]>, text: string): Edit[] {
  const paragraph = cell.paragraphs[replace.paragraph];
  if (!paragraph) throw cannot("the paragraph is not there");
  const pieces: TextPiece[] = [];
  readInline(context, paragraph.children, pieces, []);
  let position = 0;
  for (const piece of pieces) {
    const start = replace.offset - position;
    position += piece.text.length;
    if (start < 0 || start >= piece.text.length) continue;
    if (!piece.source || start + replace.find.length > piece.text.length || piece.text.slice(start, start + replace.find.length) !== replace.find) {
      throw cannot("the grade is not written in one piece of text");
    }
    const { run, offsets } = piece.source;
    const from = offsets[start];
    const to = offsets[start + replace.find.length];
    if (!context.revision) return [{ start: from, end: to, text: escapeXml(text) }];
    // Tracked: the run is split around the grade, which becomes a deletion followed by an insertion.
    const rPr = childElement(run, "w:rPr");
    const properties = rPr ? context.tree.text.slice(rPr.start, rPr.end) : "";
    const revision = context.revision;
    const deletion =
      `<w:del w:id="${context.ids.take()}" w:author="${escapeXml(revision.author)}" w:date="${revision.date}">` +
      `<w:r>${properties}<w:delText xml:space="preserve">${escapeXml(replace.find)}</w:delText></w:r></w:del>`;
    const split = `</w:t></w:r>${deletion}${inserted(textRun(properties, text), revision, context.ids)}<w:r>${properties}<w:t xml:space="preserve">`;
    return [{ start: from, end: to, text: split }];
  }
  throw cannot("the grade is not where it was read");
}

const INLINE_WRAPPERS = new Set(["w:ins", "w:moveTo", "w:hyperlink", "w:smartTag", "w:customXml", "w:fldSimple", "w:dir", "w:bdo"]);

/** The paragraph's text in the reader's order and by its rules (deleted text and field codes are not text). */
function readInline(context: BuildContext, elements: XmlElement[], pieces: TextPiece[], fields: ("code" | "result")[]): void {
  for (const element of elements) {
    if (element.name === "w:r") readRun(context, element, pieces, fields);
    else if (element.name === "w:sdt") readInline(context, childElement(element, "w:sdtContent")?.children ?? [], pieces, fields);
    else if (INLINE_WRAPPERS.has(element.name)) readInline(context, element.children, pieces, fields);
  }
}

function readRun(context: BuildContext, run: XmlElement, pieces: TextPiece[], fields: ("code" | "result")[]): void {
  for (const child of run.children) {
    if (child.name === "w:fldChar") {
      const type = child.attributes["w:fldCharType"];
      if (type === "begin") fields.push("code");
      else if (type === "separate" && fields.length > 0) fields[fields.length - 1] = "result";
      else if (type === "end") fields.pop();
      continue;
    }
    if (fields.includes("code")) continue;
    if (child.name === "w:t") pieces.push(decodedText(context, child, run));
    else if (["w:tab", "w:ptab", "w:br", "w:cr"].includes(child.name)) pieces.push({ text: " " });
    else if (child.name === "w:noBreakHyphen") pieces.push({ text: "-" });
    else if (child.name === "w:sym") pieces.push({ text: "\uFFFF" });
  }
}

const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/y;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** A w:t's text decoded, with where each character starts in the raw markup. */
function decodedText(context: BuildContext, element: XmlElement, run: XmlElement): TextPiece {
  const raw = context.tree.text;
  let text = "";
  const offsets: number[] = [];
  let index = element.contentStart;
  while (index < element.contentEnd) {
    if (raw[index] === "<") throw cannot("the grade's text holds markup");
    if (raw[index] === "&") {
      REFERENCE.lastIndex = index;
      const match = REFERENCE.exec(raw);
      if (!match) throw cannot("the grade's text holds an unknown reference");
      const character = match[3] ? NAMED[match[3]] : String.fromCodePoint(parseInt(match[1] ?? match[2], match[1] ? 16 : 10));
      for (let unit = 0; unit < character.length; unit++) offsets.push(index);
      text += character;
      index += match[0].length;
      continue;
    }
    offsets.push(index);
    text += raw[index];
    index++;
  }
  offsets.push(element.contentEnd);
  return { text, source: { element, run, offsets } };
}

function cannot(why: string): DocxWriteError {
  return new DocxWriteError("document-changed", `The grade could not be written: ${why}. Nothing was written.`);
}

