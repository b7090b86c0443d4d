/**
 * Typed text in a paragraph of mixed-format runs, replayed on a .docx: only the characters between
 * the common prefix and suffix of the old and new text are replaced, in the run where the change
 * starts; every other run keeps its bytes, and every kept character its formatting.
 */
import fc from "fast-check";
import { readDocx } from "../../src/docx";
import { applyPlanToDocx } from "../../src/docx/write";
import { planReplaceParagraphText, type Plan } from "../../src/model";
import { textChange } from "../../src/model/text-change";
import { docxWithBody } from "../docx/minimal-docx";
import { fuzzParameters, TEST_TIMEOUT_MS } from "../fuzz/settings";
import { newTextsFor, runsAndNewText, textsOf } from "../helpers/typed-text";
import { documentXml, entries, NOW } from "./helpers";

const BODY_PLACE = { location: { kind: "paragraph" as const, paragraph: 0 }, paragraph: 0 };

function typing(old: string, text: string): Plan {
  const result = planReplaceParagraphText(BODY_PLACE, old, text);
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

const BOLD = '<w:r w:rsidR="00A1B2C3"><w:rPr><w:b/></w:rPr><w:t>Bold </w:t></w:r>';
const ITALIC = '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">italic middle </w:t></w:r>';
const UNDERLINED = '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>underlined end</w:t></w:r>';
const PARAGRAPH = `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${BOLD}<w:bookmarkStart w:id="0" w:name="here"/>${ITALIC}<w:bookmarkEnd w:id="0"/>${UNDERLINED}</w:p>`;
const AFTER = '<w:p><w:r><w:t>Another paragraph, untouched.</w:t></w:r></w:p>';
const OLD = "Bold italic middle underlined end";

describe("byte for byte, on a small .docx", () => {
  async function written(text: string, trackChanges = false): Promise<{ before: Uint8Array; after: Uint8Array; xml: string; original: string }> {
    const before = await docxWithBody(PARAGRAPH + AFTER);
    const after = await applyPlanToDocx(before, typing(OLD, text), { now: NOW, trackChanges });
    expect((await readDocx(after)).blocks[0]).toMatchObject({ kind: "paragraph", text });
    return { before, after, xml: await documentXml(after), original: await documentXml(before) };
  }

  test("a word changed inside the italic run: only that run's text node changes; every other byte, and every other part, is as it was", async () => {
    const { before, after, xml, original } = await written("Bold italic MIDDLE underlined end");
    expect(xml).toBe(original.replace(ITALIC, '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">italic MIDDLE </w:t></w:r>'));
    const was = await entries(before);
    const now = await entries(after);
    expect([...now.keys()]).toEqual([...was.keys()]);
    for (const [name, entry] of was) if (name !== "word/document.xml") expect(now.get(name)!.content).toEqual(entry.content);
  });

  test("text removed across runs: the run it starts in goes, the run it ends in keeps its end and its properties; bookmarks stay", async () => {
    const { xml, original } = await written("Bold end");
    expect(xml).toBe(original.replace(ITALIC, "").replace(UNDERLINED, '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">end</w:t></w:r>'));
  });

  test("text typed at the end of the bold run is bold (the run of the character before it); the runs after keep their bytes", async () => {
    const { xml, original } = await written("Bold, very bold italic middle underlined end");
    expect(xml).toBe(original.replace(BOLD, '<w:r w:rsidR="00A1B2C3"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bold, very bold </w:t></w:r>'));
  });

  test("text typed at the very start takes the first run's formatting; the text node after it keeps its bytes", async () => {
    const { xml, original } = await written(`New: ${OLD}`);
    expect(xml).toBe(original.replace(BOLD, '<w:r w:rsidR="00A1B2C3"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">New: </w:t><w:t>Bold </w:t></w:r>'));
  });

  test("the same text: nothing changes", async () => {
    const { xml, original } = await written(OLD);
    expect(xml).toBe(original);
  });

  test("tracked: the kept parts stay in their runs, the removed characters a tracked deletion, the new a tracked insertion with the run's properties", async () => {
    const { xml, original } = await written("Bold italic MIDDLE underlined end", true);
    const mark = 'w:author="Scrutiny Monitoring" w:date="2026-12-02T09:30:00Z"';
    expect(xml).toBe(
      original.replace(
        ITALIC,
        '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">italic </w:t></w:r>' +
          `<w:del w:id="2" ${mark}><w:r><w:rPr><w:i/></w:rPr><w:delText xml:space="preserve">middle</w:delText></w:r></w:del>` +
          `<w:ins w:id="1" ${mark}><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">MIDDLE</w:t></w:r></w:ins>` +
          '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> </w:t></w:r>',
      ),
    );
  });

  test("a run's tab and break stay where they are when the change is beside them", async () => {
    const runs = '<w:r><w:rPr><w:b/></w:rPr><w:t>Label:</w:t><w:tab/><w:t>value</w:t></w:r><w:r><w:t xml:space="preserve"> and more</w:t></w:r>';
    const before = await docxWithBody(`<w:p>${runs}</w:p>`);
    const after = await applyPlanToDocx(before, typing("Label: value and more", "Label: values and more"), { now: NOW });
    expect(await documentXml(after)).toBe(
      (await documentXml(before)).replace(runs, '<w:r><w:rPr><w:b/></w:rPr><w:t>Label:</w:t><w:tab/><w:t>value</w:t><w:t xml:space="preserve">s</w:t></w:r><w:r><w:t xml:space="preserve"> and more</w:t></w:r>'),
    );
  });
});

/** A run as generated: its text and the formatting properties it carries. */
interface GeneratedRun {
  text: string;
  format: string[];
}

/** In schema order (CT_RPr is a sequence), as Word writes them. */
const FORMATS = ["<w:b/>", "<w:i/>", '<w:color w:val="C00000"/>', '<w:u w:val="single"/>'];
const CHARACTERS = ["a", "b", " ", "&", "<", "é", "😀"];
const texts = (min: number): fc.Arbitrary<string> => textsOf(CHARACTERS, min, 6);
const runs: fc.Arbitrary<GeneratedRun[]> = fc.array(fc.record({ text: texts(1), format: fc.subarray(FORMATS) }), { minLength: 1, maxLength: 5 });

/** A new text: an edit of the old one (some characters replaced by others), or any text at all. */
const newTexts = (old: string): fc.Arbitrary<string> => newTextsFor(old, texts(0), texts(0));

function runXml(run: GeneratedRun): string {
  return `<w:r>${run.format.length > 0 ? `<w:rPr>${run.format.join("")}</w:rPr>` : ""}<w:t xml:space="preserve">${escape(run.text)}</w:t></w:r>`;
}

/** Each UTF-16 unit of the paragraph's visible text with its run's properties (tracked deletions left out). */
function formattedUnits(paragraphXml: string): { character: string; format: string }[] {
  const visible = paragraphXml.replace(/<w:del\b(?:(?!<\/w:del>).)*<\/w:del>/g, "");
  const out: { character: string; format: string }[] = [];
  for (const [, inner] of visible.matchAll(/<w:r(?:\s[^>]*)?>((?:(?!<\/w:r>).)*)<\/w:r>/g)) {
    const format = /^<w:rPr>(.*?)<\/w:rPr>/.exec(inner!)?.[1] ?? "";
    for (const [, text] of inner!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) {
      const decoded = unescape(text!);
      for (let k = 0; k < decoded.length; k++) out.push({ character: decoded[k]!, format });
    }
  }
  return out;
}

describe.each([false, true])("property: any runs, any typing (changes tracked: %s)", (trackChanges) => {
  test(
    "the paragraph reads as the new text; untouched runs keep their bytes, in order; every kept character its formatting, the new ones the formatting of the run where the change starts",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          runsAndNewText(runs, newTexts),
          async ({ generated, old, text }) => {
            const source = generated.map(runXml);
            const before = await docxWithBody(`<w:p>${source.join("")}</w:p>${AFTER}`);
            const after = await applyPlanToDocx(before, typing(old, text), { now: NOW, trackChanges });
            const read = await readDocx(after);
            expect(read.blocks.map((block) => (block.kind === "paragraph" ? block.text : null))).toEqual([text, "Another paragraph, untouched."]);

            const xml = await documentXml(after);
            const paragraph = /<w:body>(<w:p>.*?<\/w:p>)<w:p>/.exec(xml)![1]!;
            const { start, oldEnd, newEnd } = textChange(old, text);
            const home = start < oldEnd || start === 0 ? start : start - 1;
            // Runs wholly outside the change (and not the one it is typed into): their bytes, in order.
            const changed = start < oldEnd || newEnd > start;
            let at = 0;
            let from = 0;
            generated.forEach((run, index) => {
              const end = at + run.text.length;
              const untouched = !changed || ((end <= start || at >= oldEnd) && !(at <= home && home < end));
              if (untouched) {
                const found = paragraph.indexOf(source[index]!, from);
                expect({ index, found: found >= from }).toEqual({ index, found: true });
                from = found + source[index]!.length;
              }
              at = end;
            });
            // Tracked, the deleted text is exactly what the change removed.
            const deletedText = [...paragraph.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => unescape(m[1]!)).join("");
            expect(deletedText).toBe(trackChanges ? old.slice(start, oldEnd) : "");
            // Every character's formatting (per UTF-16 unit): kept ones as they were, new ones as the run the change starts in.
            const formatOf = generated.flatMap((run) => Array.from({ length: run.text.length }, () => run.format.join("")));
            const units = formattedUnits(paragraph);
            expect(units.map((unit) => unit.character).join("")).toBe(text);
            for (let k = 0; k < text.length; k++) {
              const want = k < start ? formatOf[k] : k >= newEnd ? formatOf[k - newEnd + oldEnd] : formatOf[home];
              expect({ k, format: units[k]!.format }).toEqual({ k, format: want });
            }
          },
        ),
        fuzzParameters(150),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

test("textChange: the longest common prefix, then suffix, never splitting a surrogate pair", () => {
  fc.assert(
    fc.property(texts(0), texts(0), (old, text) => {
      const { start, oldEnd, newEnd } = textChange(old, text);
      expect(old.slice(0, start)).toBe(text.slice(0, start));
      expect(old.slice(oldEnd)).toBe(text.slice(newEnd));
      expect(start).toBeLessThanOrEqual(Math.min(oldEnd, newEnd));
      for (const at of [start, oldEnd]) expect(/^[\uDC00-\uDFFF]/.test(old.slice(at))).toBe(false);
      for (const at of [start, newEnd]) expect(/^[\uDC00-\uDFFF]/.test(text.slice(at))).toBe(false);
      // Maximal, but for a pair kept whole: one character more would differ (or split a pair).
      const next = start < Math.min(old.length, text.length) && old[start] === text[start];
      if (next) expect(/^[\uDC00-\uDFFF]/.test(old.slice(start + 1)) || /^[\uDC00-\uDFFF]/.test(text.slice(start + 1))).toBe(true);
    }),
    fuzzParameters(500),
  );
});
