/**
 * Typed text in a paragraph of mixed-format runs, applied through the Word gateway on the simulated
 * Word: only the middle that differs is replaced, so every untouched run keeps its text and
 * formatting, in order, and the new characters take the formatting of the run where the change
 * starts; still two syncs. A paragraph inside a content control locked for editing is refused,
 * nothing written, in one sync.
 */
import fc from "fast-check";
import { planReplaceParagraphText, type Plan } from "../../src/model";
import type { Location } from "../../src/model/snapshot";
import { textChange } from "../../src/model/text-change";
import type { SimDocument, SimParagraph } from "../../src/simulated-word";
import type { SimControl, SimFormat, SimRun } from "../../src/simulated-word/document";
import { LOCKED_MESSAGE } from "../../src/word/apply-text";
import { WRITE_CHANGED_MESSAGE } from "../../src/word/errors";
import { createWordGateway } from "../../src/word/gateway";
import { fuzzParameters, TEST_TIMEOUT_MS } from "../fuzz/settings";
import { install } from "../helpers/simulated-word";
import { newTextsFor, runsAndNewText, textsOf } from "../helpers/typed-text";

function typing(location: Location, paragraph: number, old: string, text: string): Plan {
  const result = planReplaceParagraphText({ location, paragraph }, old, text);
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

function formatted(runs: SimRun[]): SimParagraph {
  return { kind: "paragraph", text: runs.map((run) => run.text).join(""), runs: runs.map((run) => ({ text: run.text, format: { ...run.format } })) };
}

function plain(text: string): SimParagraph {
  return { kind: "paragraph", text };
}

/** A body paragraph, then a 2×2 table whose second row's second cell holds two paragraphs, the target second. */
function documentWith(target: SimParagraph, control?: SimControl): SimDocument {
  return {
    blocks: [
      plain("Title"),
      {
        kind: "table",
        rows: [
          { cells: [{ blocks: [plain("Recommendation 1")] }, { blocks: [plain("")] }] },
          { cells: [{ blocks: [plain("Assessment")] }, { blocks: [plain(""), target] }] },
        ],
        ...(control ? { control } : {}),
      },
      plain(""),
    ],
  };
}

const CELL: Location = { kind: "cell", table: 0, row: 1, cell: 1 };
const PLACES: { name: string; location: Location; paragraph: number; document: (target: SimParagraph) => SimDocument }[] = [
  { name: "a cell's second paragraph", location: CELL, paragraph: 1, document: (target) => documentWith(target) },
  { name: "a body paragraph", location: { kind: "paragraph", paragraph: 1 }, paragraph: 0, document: (target) => ({ blocks: [plain("Title"), target, plain("")] }) },
];

const BOLD: SimFormat = { bold: true };
const ITALIC: SimFormat = { italic: true };
const RUNS: SimRun[] = [
  { text: "Bold ", format: BOLD },
  { text: "italic middle ", format: ITALIC },
  { text: "underlined end", format: { underline: true } },
];
const OLD = "Bold italic middle underlined end";

function lockedTableControl(cannotEdit: boolean): SimControl {
  return { id: 7, type: "RichText", tag: "", title: "Locked table", appearance: "BoundingBox", placeholderText: "", listItems: [], selected: null, cannotEdit };
}

describe.each(PLACES)("in $name", ({ location, paragraph, document }) => {
  test("a word changed in the italic run: the other runs are the same objects, unchanged; two syncs", async () => {
    const target = formatted(RUNS);
    const [bold, , underlined] = target.runs!;
    const word = install(document(target));
    word.resetCounters();
    await createWordGateway().apply(typing(location, paragraph, OLD, "Bold italic MIDDLE underlined end"));
    expect(word.syncCount).toBe(2);
    expect(target.text).toBe("Bold italic MIDDLE underlined end");
    expect(target.runs).toEqual([
      { text: "Bold ", format: BOLD },
      { text: "italic MIDDLE ", format: ITALIC },
      { text: "underlined end", format: { underline: true } },
    ]);
    expect(target.runs![0]).toBe(bold);
    expect(target.runs![2]).toBe(underlined);
  });

  test("text removed across runs, and text typed at a run's end (bold, as the character before it)", async () => {
    const target = formatted(RUNS);
    install(document(target));
    const gateway = createWordGateway();
    await gateway.apply(typing(location, paragraph, OLD, "Bold end"));
    expect(target.runs).toEqual([
      { text: "Bold ", format: BOLD },
      { text: "end", format: { underline: true } },
    ]);
    await gateway.apply(typing(location, paragraph, "Bold end", "Bold, very bold end"));
    expect(target.runs).toEqual([
      { text: "Bold, very bold ", format: BOLD },
      { text: "end", format: { underline: true } },
    ]);
  });

  test("the same text: nothing is written, one sync", async () => {
    const target = formatted(RUNS);
    const word = install(document(target));
    word.resetCounters();
    await createWordGateway().apply(typing(location, paragraph, OLD, OLD));
    expect(word.syncCount).toBe(1);
    expect(target.runs).toEqual(RUNS);
  });

  test("text the user typed in Word after the plan was made: DocumentChanged, nothing written, one sync", async () => {
    const target = formatted(RUNS);
    const word = install(document(target));
    const plan = typing(location, paragraph, OLD, "Bold italic MIDDLE underlined end");
    const index = location.kind === "paragraph" ? location.paragraph : 5;
    word.typeText(index, "Bold italic middle underlined end, and more");
    const runs = structuredClone(target.runs);
    word.resetCounters();
    await expect(createWordGateway().apply(plan)).rejects.toMatchObject({ code: "DocumentChanged", message: WRITE_CHANGED_MESSAGE });
    expect(word.syncCount).toBe(1);
    expect(target.text).toBe("Bold italic middle underlined end, and more");
    expect(target.runs).toEqual(runs);
  });
});

describe("a content control locked for editing", () => {
  test("typed text in a paragraph of a table the control wraps: refused with a plain message, nothing written, one sync", async () => {
    const target = formatted(RUNS);
    const word = install(documentWith(target, lockedTableControl(true)));
    word.resetCounters();
    const refused = createWordGateway().apply(typing(CELL, 1, OLD, "Bold italic MIDDLE underlined end"));
    await expect(refused).rejects.toMatchObject({ name: "WordError", code: "ContentControlLocked", message: LOCKED_MESSAGE });
    expect(word.syncCount).toBe(1);
    expect(target.text).toBe(OLD);
    expect(target.runs).toEqual(RUNS);
  });

  test("the same control, not locked: written in two syncs", async () => {
    const target = formatted(RUNS);
    const word = install(documentWith(target, lockedTableControl(false)));
    word.resetCounters();
    await createWordGateway().apply(typing(CELL, 1, OLD, "Bold italic MIDDLE underlined end"));
    expect(word.syncCount).toBe(2);
    expect(target.text).toBe("Bold italic MIDDLE underlined end");
  });

  test("a locked inline control at the paragraph's start: text after it is written, and it stays; an edit inside it is refused by Word, nothing written", async () => {
    const control = { ...lockedTableControl(true), type: "PlainText" as const, length: 6, own: true };
    const target: SimParagraph = { ...formatted([{ text: "Locked", format: {} }, ...RUNS]), control };
    const word = install(documentWith(target));
    const gateway = createWordGateway();
    const old = `Locked${OLD}`;
    await gateway.apply(typing(CELL, 1, old, `Locked${OLD}!`));
    expect(target.text).toBe(`Locked${OLD}!`);
    expect(target.control).toBe(control);
    word.resetCounters();
    await expect(gateway.apply(typing(CELL, 1, `Locked${OLD}!`, `Unlocked${OLD}!`))).rejects.toMatchObject({ code: "NotAllowed" });
    expect(word.syncCount).toBe(2);
    expect(target.text).toBe(`Locked${OLD}!`);
  });
});

test("where no text beside the change is unique within 255 characters (or it holds Word's ^), the whole paragraph is replaced (one run), text exact", async () => {
  const old = "a".repeat(600);
  const target = formatted([
    { text: "a".repeat(300), format: BOLD },
    { text: "a".repeat(300), format: ITALIC },
  ]);
  const word = install(documentWith(target));
  word.resetCounters();
  const text = `${"a".repeat(300)}b${"a".repeat(300)}`;
  await createWordGateway().apply(typing(CELL, 1, old, text));
  expect(word.syncCount).toBe(2);
  expect(target.text).toBe(text);
  expect(target.runs).toEqual([{ text, format: BOLD }]);

  const carets = formatted([
    { text: "^^", format: ITALIC },
    { text: "^", format: BOLD },
  ]);
  install(documentWith(carets));
  await createWordGateway().apply(typing(CELL, 1, "^^^", "^Z^^"));
  expect(carets.runs).toEqual([{ text: "^Z^^", format: ITALIC }]);
});

/**
 * Runs as generated: short texts from a small alphabet (repeats make searches ambiguous), each with a
 * formatting. No "^": a change beside one may fall back to replacing the whole paragraph (tested above).
 */
const FORMATS: SimFormat[] = [{}, BOLD, ITALIC, { bold: true, italic: true }, { underline: true, color: "C00000" }];
const CHARACTERS = ["a", "b", " ", "é", "😀"];
const texts = (min: number, max: number): fc.Arbitrary<string> => textsOf(CHARACTERS, min, max);
const runs: fc.Arbitrary<SimRun[]> = fc.array(fc.record({ text: texts(1, 8), format: fc.constantFrom(...FORMATS) }), { minLength: 1, maxLength: 6 });

const newTexts = (old: string): fc.Arbitrary<string> => newTextsFor(old, texts(0, 6), texts(0, 12));

describe.each(PLACES)("property, in $name", ({ location, paragraph, document }) => {
  test(
    "any runs, any typing: the text is the new text; untouched runs keep their text and formatting, in order; each character its formatting; at most two syncs",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          runsAndNewText(runs, newTexts),
          async ({ generated, old, text }) => {
            const target = formatted(generated);
            const word = install(document(target));
            word.resetCounters();
            await createWordGateway().apply(typing(location, paragraph, old, text));
            expect(target.text).toBe(text);
            expect(target.runs!.map((run) => run.text).join("")).toBe(text);
            const { start, oldEnd, newEnd } = textChange(old, text);
            const changed = start < oldEnd || newEnd > start;
            expect(word.syncCount).toBe(changed ? 2 : 1);

            const home = start < oldEnd || start === 0 ? start : start - 1;
            const formatOf = generated.flatMap((run) => Array.from({ length: run.text.length }, () => run.format));
            // Every character's formatting: kept ones as they were, new ones as the run the change starts in.
            const now = target.runs!.flatMap((run) => Array.from({ length: run.text.length }, () => run.format));
            for (let k = 0; k < text.length; k++) {
              const want = k < start ? formatOf[k] : k >= newEnd ? formatOf[k - newEnd + oldEnd] : formatOf[home];
              expect({ k, format: now[k] }).toEqual({ k, format: want });
            }
            // Untouched runs: still there, in order, with their text and formatting.
            let at = 0;
            let from = 0;
            generated.forEach((run, index) => {
              const end = at + run.text.length;
              if (!changed || ((end <= start || at >= oldEnd) && !(at <= home && home < end))) {
                const found = target.runs!.findIndex((r, k) => k >= from && r.text === run.text && JSON.stringify(r.format) === JSON.stringify(run.format));
                expect({ index, found: found >= from }).toEqual({ index, found: true });
                from = found + 1;
              }
              at = end;
            });
          },
        ),
        fuzzParameters(120),
      );
    },
    TEST_TIMEOUT_MS,
  );
});
