import type { Write } from "../model/plan";
import { DocxWriteError } from "./write-errors";
import { firstTextRun, inserted, keptChildren, runProperties, textRun, type IdAllocator, type Revision } from "./write-markup";
import type { Fragment } from "./write-verify";
import { applySplices, type Splice } from "./write-splice";
import { childElement, escapeXml, type XmlElement, type XmlTree } from "./write-xml";

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
 * The paragraph's text replaced by `write.text`, as Paragraph.insertText("Replace") leaves it: its
 * w:pPr kept, its text runs gone and one run in the first's place holding the new text (with the
 * first text run's properties, so a bold label stays bold), every bookmark where it was. When
 * changes are tracked, each old run becomes a tracked deletion and the new run a tracked insertion.
 * Returns the splices and the new paragraph's markup, which the reader must read as `write.text`.
 */
export function replaceTextEdits(context: TextContext, paragraph: XmlElement, write: ReplaceText): { edits: Edit[]; reads: Fragment } {
  if (NOT_XML.test(write.text)) throw cannot("it holds characters a .docx file cannot hold");
  const runs: XmlElement[] = [];
  for (const child of paragraph.children) {
    if (child.name === "w:r") {
      const unkept = child.children.find((inner) => !REPLACEABLE_IN_RUN.has(inner.name) && !(inner.name === "w:br" && !inner.attributes["w:type"]));
      if (unkept) throw cannot(`the paragraph holds ${what(unkept.name)}`);
      runs.push(child);
    } else if (!KEPT_IN_PARAGRAPH.has(child.name)) throw cannot(`the paragraph holds ${what(child.name)}`);
  }
  const { text: raw } = context.tree;
  const pPr = childElement(paragraph, "w:pPr");
  const formatting = firstTextRun(paragraph) ?? runs[0];
  const properties = keptChildren(context.tree, formatting ? childElement(formatting, "w:rPr") : pPr && childElement(pPr, "w:rPr"));
  const run = inserted(textRun(runProperties(properties), write.text), context.revision, context.ids);

  const edits: Edit[] = runs.map((old) => ({ start: old.start, end: old.end, text: context.revision ? deleted(raw.slice(old.start, old.end), context) : "" }));
  const paragraphXml = raw.slice(paragraph.start, paragraph.end);
  if (paragraph.contentStart === paragraph.end) {
    // <w:p/>: it gets an end tag to hold the run.
    const name = /^<([^\s/>]+)/.exec(paragraphXml)?.[1];
    if (!name) throw cannot("the paragraph's markup is not as expected");
    const xml = run === "" ? paragraphXml : `${paragraphXml.replace(/\s*\/>$/, ">")}${run}</${name}>`;
    return { edits: [{ start: paragraph.start, end: paragraph.end, text: xml }], reads: { xml, blocks: [{ kind: "paragraph", text: write.text }] } };
  }
  const at = runs[0]?.start ?? pPr?.end ?? paragraph.contentStart;
  // Put before the first old run's own splice (a tracked deletion), not after it: Splice order puts an insertion first.
  edits.push({ start: at, end: at, text: run });
  const xml = applySplices(
    paragraphXml,
    edits.map((edit, order) => ({ start: edit.start - paragraph.start, end: edit.end - paragraph.start, text: edit.text, order })),
  );
  return { edits, reads: { xml, blocks: [{ kind: "paragraph", text: write.text }] } };
}

/** An old run as a tracked deletion: its text as deleted text (w:t → w:delText), the rest as it was. */
function deleted(runXml: string, context: TextContext): string {
  const revision = context.revision!;
  if (!runXml.startsWith("<w:r")) throw cannot("the paragraph's markup is not as expected");
  const run = runXml.replace(/<w:t(?=[\s>/])/g, "<w:delText").replace(/<\/w:t>/g, "</w:delText>");
  return `<w:del w:id="${context.ids.take()}" w:author="${escapeXml(revision.author)}" w:date="${revision.date}">${run}</w:del>`;
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
