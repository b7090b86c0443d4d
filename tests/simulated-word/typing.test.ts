/**
 * The user typing in the simulated Word, as the preview's editable cells do: the paragraph keeps what Word keeps
 * (bold, its dropdown, comments on it), Enter and line ends start paragraphs, Backspace at a start joins them, and a
 * plan made before the typing finds the document changed.
 */
import type { DocumentSnapshot, Location } from "../../src/model/snapshot";
import { planAddRound } from "../../src/model";
import { cell, snapshotOfDocument, table, type SimDocument } from "../../src/simulated-word";
import { createWordGateway } from "../../src/word/gateway";
import { install } from "../helpers/simulated-word";
import { realSnapshot } from "../helpers/text-snapshot";
import { TODAY, planOf } from "../model/edit-helpers";

/** A title, then a table: a bold label row and a row whose second cell has two paragraphs. */
function sample(): SimDocument {
  const labels = table([
    ["Recommendation 1:", "Do things."],
    ["Evidence of Progress (July 2021):", cell("First.", "Second.")],
  ]);
  const label = labels.rows[0]!.cells[0]!.blocks[0]!;
  if (label.kind === "paragraph") label.bold = true;
  return { blocks: [{ kind: "paragraph", text: "Title" }, labels, { kind: "paragraph", text: "" }] };
}

function cells(word: ReturnType<typeof install>): string[][][] {
  const snapshot = snapshotOfDocument(word.document);
  return snapshot.blocks.flatMap((b) => (b.kind === "table" ? [b.rows.map((r) => r.cells.map((c) => c.paragraphs))] : []))[0]!;
}

/** The index in body.paragraphs of a cell's first paragraph. */
function firstParagraphOf(snapshot: DocumentSnapshot, location: Location): number {
  let next = 0;
  for (const block of snapshot.blocks) {
    if (block.kind === "paragraph") {
      next++;
      continue;
    }
    for (const row of block.rows) {
      for (const c of row.cells) {
        if (location.kind === "cell" && c.location.table === location.table && c.location.row === location.row && c.location.cell === location.cell) return next;
        next += Math.max(1, c.paragraphs.length);
      }
    }
  }
  throw new Error(`no cell at ${JSON.stringify(location)}`);
}

describe("typing in the simulated Word", () => {
  it("replaces a paragraph's text and keeps the paragraph: its bold and the comments on it", () => {
    const word = install(sample(), { comments: [{ text: "Which things?", location: { kind: "paragraph", paragraph: 1 } }] });
    const before = cells(word);
    word.typeText(1, "Recommendation 1 (typed):");
    expect(cells(word)[0]![0]).toEqual(["Recommendation 1 (typed):"]);
    expect(cells(word).slice(1)).toEqual(before.slice(1));
    const table0 = word.document.blocks[1]!;
    const label = table0.kind === "table" ? table0.rows[0]!.cells[0]!.blocks[0] : null;
    expect(label).toMatchObject({ kind: "paragraph", text: "Recommendation 1 (typed):", bold: true });
    expect(word.comments()).toEqual([expect.objectContaining({ text: "Which things?", location: { kind: "cell", table: 0, row: 0, cell: 0 } })]);
    const anchor = word.document.comments?.[0]?.anchor;
    expect(anchor && "paragraph" in anchor ? anchor.paragraph : null).toBe(label);
  });

  it("starts a new paragraph at each line end, in the same cell, with the paragraph's bold", () => {
    const word = install(sample());
    word.typeText(1, "Recommendation 1:\nA second line\r\nand a third");
    expect(cells(word)[0]![0]).toEqual(["Recommendation 1:", "A second line", "and a third"]);
    const table0 = word.document.blocks[1]!;
    if (table0.kind !== "table") throw new Error("no table");
    expect(table0.rows[0]!.cells[0]!.blocks.map((b) => b.kind === "paragraph" && b.bold)).toEqual([true, true, true]);
    // The paragraphs after it moved on by two: the next cell's paragraph, 2 before, is now 4.
    word.typeText(4, "Done things.");
    expect(cells(word)[0]![1]).toEqual(["Done things."]);
  });

  it("joins a paragraph to the one before it in its cell (Backspace at its start), and nowhere else", () => {
    const word = install(sample());
    // Paragraphs: 0 Title, 1–2 the first row, 3 the label, 4 "First.", 5 "Second.", 6 the closing paragraph.
    expect(word.joinWithPrevious(5)).toEqual({ paragraph: 4, at: "First.".length });
    expect(cells(word)[1]![1]).toEqual(["First.Second."]);
    expect(word.joinWithPrevious(4)).toBeNull(); // the first paragraph of its cell
    expect(word.joinWithPrevious(1)).toBeNull(); // the first paragraph of the table
    expect(word.joinWithPrevious(99)).toBeNull();
    expect(() => word.typeText(99, "x")).toThrow("No paragraph 99");
  });

  it("keeps a grade dropdown at the paragraph's start: the typed text follows it", async () => {
    const word = install(sample(), { requirementSets: { WordApi: "1.9" } });
    await Word.run(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      const control = tables.items[0]!.getCell(1, 1).body.getRange("Start").insertContentControl("DropDownList");
      control.dropDownListContentControl.addListItem("2. On-Track");
      await context.sync();
    });
    word.chooseItem(word.contentControls()[0]!.id, "2. On-Track");
    word.typeText(4, " since July.");
    expect(cells(word)[1]![1]).toEqual(["2. On-Track since July.", "Second."]);
    expect(word.contentControls()[0]).toMatchObject({ selected: "2. On-Track", location: { kind: "cell", table: 0, row: 1, cell: 1 } });
    // Backspace right after the dropdown does not carry the control into the paragraph before.
    expect(word.joinWithPrevious(4)).toBeNull();
  });

  it("is a user's edit: a plan made before it finds the document changed and writes nothing", async () => {
    const source = realSnapshot("careersProvision");
    const plan = planOf(planAddRound(source, { month: "2026-11", recommendations: "all", dropdowns: false, today: TODAY }));
    const expected = plan.expect.find((e) => e.kind === "text" && e.location.kind === "cell");
    if (!expected || expected.kind !== "text") throw new Error("the plan expects no cell's text");
    const word = install(source);
    const gateway = createWordGateway();
    await gateway.scan();
    word.typeText(firstParagraphOf(source, expected.location), `${expected.paragraphs[0] ?? ""} (typed)`);
    const typed = snapshotOfDocument(word.document);
    await expect(gateway.apply(plan)).rejects.toMatchObject({ code: "DocumentChanged" });
    expect(snapshotOfDocument(word.document)).toEqual(typed);
  });
});
