import type { Write } from "../model/plan";
import { DocxWriteError } from "./write-errors";
import { deletedRun, firstTextRun, inserted, keptChildren, runProperties, textRun, type IdAllocator, type Revision } from "./write-markup";
import type { Fragment } from "./write-verify";
import { applySplices, type Splice } from "./write-splice";
import { childElement, decodeEntities, escapeXml, type XmlElement, type XmlTree } from "./write-xml";
import { textChange } from "../model/text-change";

type ReplaceText = Extract<Write, { kind: "replace-text" }>;
type Edit = Omit<Splice, "order">;

interface TextContext {
  tree: XmlTree;
  ids: IdAllocator;
  revision: Revision | null;
}

/**
 * What may sit in a paragraph whose text is replaced, and stays exactly where it is: its properties,
 * bookmarks, proofing and permission marks. Anything else (a content control, a comment's range, a
 * hyperlink, a field, a tracked change, a drawing…) could not be kept as it is, so the write is refused.
 */
const KEPT_IN_PARAGRAPH = new Set(["w:pPr", "w:bookmarkStart", "w:bookmarkEnd", "w:proofErr", "w:permStart", "w:permEnd"]);
/** What a replaced run may hold: text and what reads as text, nothing that is a place of its own (a comment mark, a field, a note…). */
const REPLACEABLE_IN_RUN = new Set(["w:rPr", "w:t", "w:tab", "w:cr", "w:noBreakHyphen", "w:softHyphen", "w:lastRenderedPageBreak"]);
/** Characters XML 1.0 cannot hold. */
// eslint-disable-next-line no-control-regex -- they are control characters
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * The paragraph's text replaced by `write.text`, changing only what typing changed: the characters
 * between the common prefix and the common suffix of `oldText` (what the paragraph reads as, from
 * the snapshot the plan was checked against) and the new text. Runs wholly outside that middle keep
 * every byte; a run the middle starts or ends in keeps its start tag, properties and the text
 * outside the middle; the new characters go into the run where the change starts (for a pure
 * insertion, the run of the character before it; at the paragraph's start, of the first), so they
 * take its formatting, as typing there in Word does. When changes are tracked, the removed
 * characters become a tracked deletion and the new ones a tracked insertion with that run's
 * properties. Where the runs cannot be matched to `oldText` character by character (a text node
 * holding CDATA, say) or the paragraph held no text, it falls back to one run for the whole text.
 * Returns the splices and the new paragraph's markup, which the reader must read as `write.text`.
 */
export function replaceTextEdits(context: TextContext, paragraph: XmlElement, write: ReplaceText, oldText: string | null): { edits: Edit[]; reads: Fragment } {
  if (NOT_XML.test(write.text)) throw cannot("it holds characters a .docx file cannot hold");
  const runs: XmlElement[] = [];
  for (const child of paragraph.children) {
    if (child.name === "w:r") {
      const unkept = child.children.find((inner) => !REPLACEABLE_IN_RUN.has(inner.name) && !(inner.name === "w:br" && !inner.attributes["w:type"]));
      if (unkept) throw cannot(`the paragraph holds ${what(unkept.name)}`);
      runs.push(child);
    } else if (!KEPT_IN_PARAGRAPH.has(child.name)) throw cannot(`the paragraph holds ${what(child.name)}`);
  }
  if (paragraph.contentStart === paragraph.end) return selfClosing(context, paragraph, runs, write.text);
  const pieces = oldText === null || oldText === "" ? null : runPieces(context.tree.text, runs, oldText);
  const edits = pieces ? middleEdits(context, pieces, oldText!, write.text) : wholeEdits(context, paragraph, runs, write.text);
  const raw = context.tree.text;
  const xml = applySplices(
    raw.slice(paragraph.start, paragraph.end),
    edits.map((edit, order) => ({ start: edit.start - paragraph.start, end: edit.end - paragraph.start, text: edit.text, order })),
  );
  return { edits, reads: { xml, blocks: [{ kind: "paragraph", text: write.text }] } };
}

/** A run's child that reads as text, and the characters [from, to) of the paragraph's text it stands for. */
interface Piece {
  element: XmlElement;
  from: number;
  to: number;
  /** A w:t's text, decoded; null for the others (w:tab, w:br… read as one character, or none). */
  text: string | null;
}

interface RunPieces {
  run: XmlElement;
  from: number;
  to: number;
  pieces: Piece[];
}

/** What each run's children read as (as the reader reads them), or null unless together they read exactly as `oldText`. */
function runPieces(raw: string, runs: XmlElement[], oldText: string): RunPieces[] | null {
  const out: RunPieces[] = [];
  let at = 0;
  for (const run of runs) {
    const from = at;
    const pieces: Piece[] = [];
    for (const child of run.children) {
      if (child.name === "w:rPr") continue;
      let text: string | null = null;
      let length: number;
      if (child.name === "w:t") {
        const content = raw.slice(child.contentStart, child.contentEnd);
        // CDATA, a comment or a line end the parser normalises: not matched character by character.
        if (content.includes("<") || content.includes("\r")) return null;
        text = decodeEntities(content);
        length = text.length;
      } else {
        length = READS_AS_ONE.has(child.name) ? 1 : 0;
      }
      pieces.push({ element: child, from: at, to: at + length, text });
      at += length;
    }
    out.push({ run, from, to: at, pieces });
  }
  if (at !== oldText.length) return null;
  for (const { pieces } of out) {
    for (const piece of pieces) {
      const shown = piece.text ?? (piece.element.name === "w:noBreakHyphen" ? "-" : piece.to > piece.from ? " " : "");
      if (oldText.slice(piece.from, piece.to) !== shown) return null;
    }
  }
  return out;
}

/** Run children the reader reads as one character: a space (tab, break, carriage return) or a hyphen. */
const READS_AS_ONE = new Set(["w:tab", "w:br", "w:cr", "w:noBreakHyphen"]);

/** One splice per run the change touches; none elsewhere. */
function middleEdits(context: TextContext, runs: RunPieces[], oldText: string, newText: string): Edit[] {
  const { start, oldEnd, newEnd } = textChange(oldText, newText);
  const insertedText = newText.slice(start, newEnd);
  if (start === oldEnd && insertedText === "") return [];
  // The run the new characters take their formatting from.
  const at = start < oldEnd || start === 0 ? start : start - 1;
  const home = runs.find((run) => run.from <= at && at < run.to)!;
  const edits: Edit[] = [];
  for (const entry of runs) {
    const touched = entry === home || (entry.from < oldEnd && entry.to > start);
    if (touched) edits.push({ start: entry.run.start, end: entry.run.end, text: rebuiltRun(context, entry, start, oldEnd, entry === home ? insertedText : "") });
  }
  return edits;
}

/**
 * A run with the characters [start, oldEnd) taken out and `insertedText` put in their place: its
 * children outside them as they were, a w:t cut there in two. Tracked: the kept parts, the removed
 * part as a tracked deletion and the new text as a tracked insertion, each a run of its own with its
 * properties.
 */
function rebuiltRun(context: TextContext, entry: RunPieces, start: number, oldEnd: number, insertedText: string): string {
  const raw = context.tree.text;
  const { run } = entry;
  const head: string[] = [];
  const removed: string[] = [];
  const tail: string[] = [];
  // The kept ends of the w:t (or two) the change starts and ends in.
  let headText = "";
  let tailText = "";
  for (const piece of entry.pieces) {
    const source = raw.slice(piece.element.start, piece.element.end);
    const { from, to } = piece;
    if (from === to) {
      // What reads as nothing (a soft hyphen, a rendered page break) stays unless it is inside what is removed.
      (from <= start ? head : from >= oldEnd ? tail : removed).push(source);
    } else if (to <= start) head.push(source);
    else if (from >= oldEnd) tail.push(source);
    else if (piece.text === null) removed.push(source);
    else {
      const text = piece.text;
      if (from < start) headText = text.slice(0, start - from);
      removed.push(textElement(text.slice(Math.max(start, from) - from, Math.min(oldEnd, to) - from)));
      if (to > oldEnd) tailText = text.slice(oldEnd - from);
    }
  }
  const startTag = raw.slice(run.start, run.contentStart);
  const endTag = raw.slice(run.contentEnd, run.end);
  const rPr = childElement(run, "w:rPr");
  const properties = rPr ? raw.slice(rPr.start, rPr.end) : "";
  const runOf = (...children: string[]): string => (children.every((child) => child === "") ? "" : `${startTag}${properties}${children.join("")}${endTag}`);
  if (!context.revision) return runOf(...head, textElement(headText + insertedText + tailText), ...tail);
  const insertedRun = inserted(textRun(runProperties(keptChildren(context.tree, rPr)), insertedText), context.revision, context.ids);
  const removedRun = runOf(...removed);
  const deletedRun = removedRun === "" ? "" : deleted(removedRun, context);
  return runOf(...head, textElement(headText)) + deletedRun + insertedRun + runOf(textElement(tailText), ...tail);
}

function textElement(text: string): string {
  return text === "" ? "" : `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
}

/**
 * The whole text as one run in the first's place, as Paragraph.insertText("Replace") leaves it:
 * with the first text run's properties (so a bold label stays bold), every bookmark where it was;
 * tracked, each old run a tracked deletion and the new run a tracked insertion.
 */
function wholeEdits(context: TextContext, paragraph: XmlElement, runs: XmlElement[], text: string): Edit[] {
  const { text: raw } = context.tree;
  const pPr = childElement(paragraph, "w:pPr");
  const run = newRun(context, paragraph, runs, text);
  const edits: Edit[] = runs.map((old) => ({ start: old.start, end: old.end, text: context.revision ? deleted(raw.slice(old.start, old.end), context) : "" }));
  const at = runs[0]?.start ?? pPr?.end ?? paragraph.contentStart;
  // Put before the first old run's own splice (a tracked deletion), not after it: Splice order puts an insertion first.
  edits.push({ start: at, end: at, text: run });
  return edits;
}

function newRun(context: TextContext, paragraph: XmlElement, runs: XmlElement[], text: string): string {
  const pPr = childElement(paragraph, "w:pPr");
  const formatting = firstTextRun(paragraph) ?? runs[0];
  const properties = keptChildren(context.tree, formatting ? childElement(formatting, "w:rPr") : pPr && childElement(pPr, "w:rPr"));
  return inserted(textRun(runProperties(properties), text), context.revision, context.ids);
}

/** <w:p/>: it gets an end tag to hold the run. */
function selfClosing(context: TextContext, paragraph: XmlElement, runs: XmlElement[], text: string): { edits: Edit[]; reads: Fragment } {
  const paragraphXml = context.tree.text.slice(paragraph.start, paragraph.end);
  const name = /^<([^\s/>]+)/.exec(paragraphXml)?.[1];
  if (!name) throw cannot("the paragraph's markup is not as expected");
  const run = newRun(context, paragraph, runs, text);
  const xml = run === "" ? paragraphXml : `${paragraphXml.replace(/\s*\/>$/, ">")}${run}</${name}>`;
  return { edits: [{ start: paragraph.start, end: paragraph.end, text: xml }], reads: { xml, blocks: [{ kind: "paragraph", text }] } };
}

/** An old run as a tracked deletion (see deletedRun). */
function deleted(runXml: string, context: TextContext): string {
  if (!runXml.startsWith("<w:r")) throw cannot("the paragraph's markup is not as expected");
  return deletedRun(runXml, context.revision!, context.ids);
}

function what(name: string): string {
  if (name === "w:sdt") return "a content control";
  if (name.startsWith("w:comment")) return "a comment";
  if (name === "w:ins" || name === "w:del" || name.startsWith("w:move")) return "tracked changes";
  if (name === "w:hyperlink") return "a link";
  if (name === "w:fldSimple" || name === "w:fldChar" || name === "w:instrText") return "a field";
  return `markup that could not be kept (${name})`;
}

function cannot(why: string): DocxWriteError {
  return new DocxWriteError("unsupported", `The typed text could not be written: ${why}. Nothing was written.`);
}
