/**
 * Text typed in a paragraph (on the preview's page), replayed on the .docx file: the paragraph keeps
 * its properties, only the characters typing changed are replaced (in the run they start in); nothing
 * outside it changes (tests/docx-write/typed-runs.test.ts: runs of mixed formatting).
 * A paragraph holding what could not be kept exactly (a content control) is refused, as is one that no
 * longer holds the text typed over.
 */
import { readDocx } from "../../src/docx";
import { applyPlanToDocx, DocxWriteError } from "../../src/docx/write";
import { applyPlanToSnapshot, parse, planReplaceParagraphText, type Plan } from "../../src/model";
import type { DocumentSnapshot, Location } from "../../src/model/snapshot";
import { docxWithWrites, recordTyping, type WriteLog } from "../../src/preview/download";
import { applied, documentXml, fixture, NOW, planned, withTrackedChanges } from "./helpers";

function cellText(snapshot: DocumentSnapshot, location: Location, paragraph: number): string {
  if (location.kind !== "cell") throw new Error("not a cell");
  const table = snapshot.blocks.find((block) => block.kind === "table" && block.index === location.table);
  if (table?.kind !== "table") throw new Error("no table");
  return table.rows[location.row]!.cells[location.cell]!.paragraphs[paragraph]!;
}

function typing(snapshot: DocumentSnapshot, location: Location, paragraph: number, text: string): Plan {
  const old = location.kind === "cell" ? cellText(snapshot, location, paragraph) : paragraphText(snapshot, location.paragraph);
  return planned(planReplaceParagraphText({ location, paragraph }, old, text));
}

function paragraphText(snapshot: DocumentSnapshot, index: number): string {
  const block = snapshot.blocks.find((b) => b.kind === "paragraph" && b.location.paragraph === index);
  if (block?.kind !== "paragraph") throw new Error("no paragraph");
  return block.text;
}

/** The w:p element holding character `at` (the innermost paragraph starting before it and ending after it). */
function paragraphAround(xml: string, at: number): { start: number; end: number } {
  const starts = [...xml.slice(0, at + 1).matchAll(/<w:p[\s>/]/g)];
  const start = starts.at(-1)!.index;
  const selfClosing = xml.startsWith("/>", xml.indexOf(">", start) - 1);
  const end = selfClosing ? xml.indexOf(">", start) + 1 : xml.indexOf("</w:p>", start) + "</w:p>".length;
  return { start, end };
}

/** Checks every character of `after` outside one paragraph is `before`'s; returns that paragraph as before and after. */
function onlyOneParagraphChanged(before: string, after: string): { was: string; now: string } {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  const { start, end } = paragraphAround(before, prefix);
  const tail = before.length - end;
  expect(after.slice(0, start)).toBe(before.slice(0, start));
  expect(after.slice(after.length - tail)).toBe(before.slice(end));
  const now = after.slice(start, after.length - tail);
  expect(now.match(/<w:p[\s>/]/g)).toHaveLength(1);
  return { was: before.slice(start, end), now };
}

const TYPED = "2. On-Track <typed> & “checked”   by hand";

describe.each([false, true])("typed text replayed on careers-provision.docx (changes tracked: %s)", (tracked) => {
  async function original(): Promise<Uint8Array> {
    const bytes = fixture("careers-provision.docx");
    return tracked ? withTrackedChanges(bytes) : bytes;
  }

  test("an Assessment paragraph's text replaced: it reads back as planned, and nothing else changed", async () => {
    const bytes = await original();
    const snapshot = await readDocx(bytes);
    const round = parse(snapshot).recommendations[0]!.rounds.at(-1)!;
    const location = round.assessment!.location;
    const plan = typing(snapshot, location, 0, TYPED);
    const result = await applied(bytes, plan);
    expect(cellText(result.snapshot, location, 0)).toBe(TYPED);
    expect(parse(result.snapshot).recommendations[0]!.rounds.at(-1)!.assessment!.grade).toBe(2);

    const { was, now } = onlyOneParagraphChanged(await documentXml(bytes), await documentXml(result.bytes));
    expect(was).toContain("2. Largely met.");
    const run = '<w:t xml:space="preserve">2. On-Track &lt;typed&gt; &amp; “checked”   by hand</w:t>';
    if (tracked) {
      // The common prefix "2. " stays in its run; only what differs is a tracked deletion and insertion.
      const mark = 'w:author="Scrutiny Monitoring" w:date="2026-12-02T09:30:00Z"';
      expect(now).toMatch(
        new RegExp(
          `^<w:p><w:r><w:t xml:space="preserve">2\\. </w:t></w:r><w:del w:id="\\d+" ${mark}><w:r><w:delText xml:space="preserve">Largely met\\.[^<]*</w:delText></w:r></w:del>` +
            `<w:ins w:id="\\d+" ${mark}><w:r><w:t xml:space="preserve">On-Track &lt;typed&gt; &amp; “checked”   by hand</w:t></w:r></w:ins></w:p>$`,
        ),
      );
      expect(now).not.toMatch(/<w:del\b(?:(?!<\/w:del>).)*<w:t[\s>]/);
    } else {
      expect(now).toBe(`<w:p><w:r>${run}</w:r></w:p>`);
    }
  });

  test("a bold label paragraph keeps its bold", async () => {
    const bytes = await original();
    const snapshot = await readDocx(bytes);
    const label = parse(snapshot).recommendations[0]!.rounds.at(-1)!.assessment!.labelLocation!;
    const result = await applied(bytes, typing(snapshot, label, 0, "Assessment of Progress (typed): "));
    const { now } = onlyOneParagraphChanged(await documentXml(bytes), await documentXml(result.bytes));
    const bold = "<w:rPr><w:b/><w:bCs/></w:rPr>";
    if (tracked) {
      // The label's common prefix stays as it was; the rest is deleted and the typed end inserted, bold as the run it is typed in.
      expect(now).toMatch(
        new RegExp(
          `^<w:p><w:r>${bold}<w:t xml:space="preserve">Assessment of Progress \\(</w:t></w:r><w:del [^>]+><w:r>${bold}<w:delText xml:space="preserve">July 2021\\): \\(include explanation if required\\)</w:delText></w:r></w:del>` +
            `<w:ins [^>]+><w:r>${bold}<w:t xml:space="preserve">typed\\): </w:t></w:r></w:ins></w:p>$`,
        ),
      );
    } else {
      expect(now).toBe(`<w:p><w:r>${bold}<w:t xml:space="preserve">Assessment of Progress (typed): </w:t></w:r></w:p>`);
    }
  });

  test("an empty body paragraph (<w:p/>) typed in gets the run", async () => {
    const bytes = await original();
    const snapshot = await readDocx(bytes);
    const empty = snapshot.blocks.find((block) => block.kind === "paragraph" && block.text === "");
    if (empty?.kind !== "paragraph") throw new Error("no empty paragraph");
    const result = await applied(bytes, typing(snapshot, empty.location, 0, "A note typed between the tables"));
    const { was, now } = onlyOneParagraphChanged(await documentXml(bytes), await documentXml(result.bytes));
    expect(was).toBe("<w:p/>");
    expect(now).toContain('<w:t xml:space="preserve">A note typed between the tables</w:t>');
  });
});

test("a paragraph that no longer holds the text typed over is not written", async () => {
  const bytes = fixture("careers-provision.docx");
  const snapshot = await readDocx(bytes);
  const location = parse(snapshot).recommendations[0]!.rounds.at(-1)!.assessment!.location;
  const plan = planned(planReplaceParagraphText({ location, paragraph: 0 }, "3. Not what it holds", "1. Fully Achieved"));
  await expect(applyPlanToDocx(bytes, plan, { now: NOW })).rejects.toMatchObject({ name: "DocxWriteError", reason: "document-changed" });
  // The same plan on the model: it is the expectation, not the write, that refuses.
  expect(cellText(applyPlanToSnapshot(snapshot, plan), location, 0)).toBe("1. Fully Achieved");
});

test("a paragraph holding a content control is refused, nothing written", async () => {
  const bytes = fixture("careers-provision-grade-in-content-control.docx");
  const snapshot = await readDocx(bytes);
  const xml = await documentXml(bytes);
  // The first paragraph whose text is inside an inline content control (a grade dropdown).
  const sdtText = /<w:p>(?:(?!<\/w:p>).)*?<w:sdt>(?:(?!<\/w:sdtContent>).)*?<w:t(?: [^>]*)?>([^<]+)<\/w:t>/.exec(xml)![1]!;
  const place = snapshot.blocks.flatMap((block) =>
    block.kind !== "table"
      ? []
      : block.rows.flatMap((row) => row.cells.flatMap((cell) => cell.paragraphs.map((text, paragraph) => ({ location: cell.location, paragraph, text })))),
  ).find((candidate) => candidate.text.startsWith(sdtText))!;
  const plan = planned(planReplaceParagraphText(place, place.text, "1. Fully Achieved"));
  const refused = applyPlanToDocx(bytes, plan, { now: NOW });
  await expect(refused).rejects.toBeInstanceOf(DocxWriteError);
  await expect(refused).rejects.toThrow("The typed text could not be written: the paragraph holds a content control. Nothing was written.");
});

test("text with a line end is not a typing plan", () => {
  const place = { location: { kind: "paragraph" as const, paragraph: 0 }, paragraph: 0 };
  expect(planReplaceParagraphText(place, "", "two\nlines").ok).toBe(false);
  expect(planReplaceParagraphText({ ...place, paragraph: 1 }, "", "x").ok).toBe(false);
});

describe("the preview's log of typing, replayed by Download", () => {
  test("keystrokes in one paragraph are one plan, expecting the text before the first; the file then holds what the page shows", async () => {
    const bytes = fixture("careers-provision.docx");
    const snapshot = await readDocx(bytes);
    const location = parse(snapshot).recommendations[0]!.rounds.at(-1)!.assessment!.location;
    const old = cellText(snapshot, location, 0);
    const log: WriteLog = { bytes, plans: [] };
    let text = old;
    for (const typed of ["4", "4. ", "4. Not Achieved. "]) {
      const before = { location, paragraph: 0, text };
      text = typed + old;
      recordTyping(log, before, text, text);
    }
    expect(log.plans).toHaveLength(1);
    expect(log.plans[0]!.expect).toEqual([{ kind: "paragraph-text", location, paragraph: 0, text: old }]);
    const shown = applyPlanToSnapshot(snapshot, log.plans[0]!);
    expect(cellText(shown, location, 0)).toBe(`4. Not Achieved. ${old}`);
    const result = await docxWithWrites(log, shown, false);
    expect(result.warning).toBeNull();
    expect(cellText(await readDocx(result.bytes), location, 0)).toBe(`4. Not Achieved. ${old}`);

    // Typed back to what it held: no plan at all.
    const undo: WriteLog = { bytes, plans: [] };
    recordTyping(undo, { location, paragraph: 0, text: old }, `x${old}`, `x${old}`);
    recordTyping(undo, { location, paragraph: 0, text: `x${old}` }, old, old);
    expect(undo.plans).toEqual([]);

    // Typing elsewhere, then back: a plan each time the paragraph changes.
    const label = parse(snapshot).recommendations[0]!.rounds.at(-1)!.assessment!.labelLocation!;
    recordTyping(log, { location: label, paragraph: 0, text: cellText(snapshot, label, 0) }, "x", "Assessment x");
    recordTyping(log, { location, paragraph: 0, text }, "y", `y${text}`);
    expect(log.plans.map((plan) => plan.kind)).toEqual(["type-text", "type-text", "type-text"]);
  });

  test("after Enter splits a paragraph, typing is not logged and Download says what is missing", async () => {
    const bytes = fixture("careers-provision.docx");
    const snapshot = await readDocx(bytes);
    const location = parse(snapshot).recommendations[0]!.rounds.at(-1)!.assessment!.location;
    const old = cellText(snapshot, location, 0);
    const log: WriteLog = { bytes, plans: [] };
    recordTyping(log, { location, paragraph: 0, text: old }, `${old}\nmore`, old);
    recordTyping(log, { location, paragraph: 0, text: old }, "typed", "typed");
    expect(log.plans).toEqual([]);
    const shown = applyPlanToSnapshot(snapshot, planned(planReplaceParagraphText({ location, paragraph: 0 }, old, "typed")));
    const result = await docxWithWrites(log, shown, false);
    expect(result.warning).toMatch(/not paragraphs split or joined on the page \(Enter, or Backspace at the start of a paragraph\), nor text typed after that/);
  });
});
