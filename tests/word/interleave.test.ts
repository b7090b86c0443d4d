import type { SnapshotBlock } from "../../src/model/snapshot";
import { type LoadedParagraph, snapshotFromWord, splitCellValue } from "../../src/word/interleave";

const p = (text: string, tableNestingLevel = 0): LoadedParagraph => ({ text, tableNestingLevel });

/** A block list reduced to what is easy to read: paragraphs as [index, text], tables as [index, paragraphs per cell]. */
function shape(blocks: SnapshotBlock[]): unknown[] {
  return blocks.map((b) =>
    b.kind === "paragraph" ? ["p", b.location.paragraph, b.text] : ["t", b.index, b.rows.map((r) => r.cells.map((c) => c.paragraphs))],
  );
}

describe("splitCellValue", () => {
  it.each([
    ["one", ["one"]],
    ["", [""]],
    ["a\rb", ["a", "b"]],
    ["a\nb", ["a", "b"]],
    ["a\r\nb", ["a", "b"]],
    ["a\vb", ["a", "b"]],
    ["a\r", ["a", ""]],
    ["a\r\rb", ["a", "", "b"]],
  ])("splits %j into %j", (value, paragraphs) => {
    expect(splitCellValue(value)).toEqual(paragraphs);
  });
});

describe("snapshotFromWord", () => {
  it("interleaves body paragraphs and tables, counting cell paragraphs in the paragraph index", () => {
    const snapshot = snapshotFromWord(
      [{ values: [["Recommendation 1:", "Do it"], ["Evidence:", "One\rTwo"]], nestingLevel: 1 }],
      [p("Title"), p("Recommendation 1:", 1), p("Do it", 1), p("Evidence:", 1), p("One", 1), p("Two", 1), p("After")],
    );
    expect(snapshot.blocks).toEqual([
      { kind: "paragraph", text: "Title", location: { kind: "paragraph", paragraph: 0 } },
      {
        kind: "table",
        index: 0,
        rows: [
          {
            cells: [
              { paragraphs: ["Recommendation 1:"], location: { kind: "cell", table: 0, row: 0, cell: 0 } },
              { paragraphs: ["Do it"], location: { kind: "cell", table: 0, row: 0, cell: 1 } },
            ],
          },
          {
            cells: [
              { paragraphs: ["Evidence:"], location: { kind: "cell", table: 0, row: 1, cell: 0 } },
              { paragraphs: ["One", "Two"], location: { kind: "cell", table: 0, row: 1, cell: 1 } },
            ],
          },
        ],
      },
      { kind: "paragraph", text: "After", location: { kind: "paragraph", paragraph: 6 } },
    ]);
  });

  it("keeps jagged rows (merged cells) as they come, one location per real cell", () => {
    const snapshot = snapshotFromWord(
      [{ values: [["Assessment of Progress Gradings:", "1", "2", "3", "4"], ["Merged across"], ["a", "b"]], nestingLevel: 1 }],
      ["Assessment of Progress Gradings:", "1", "2", "3", "4", "Merged across", "a", "b"].map((t) => p(t, 1)).concat(p("End")),
    );
    const t = snapshot.blocks[0]!;
    if (t.kind !== "table") throw new Error("expected a table");
    expect(t.rows.map((r) => r.cells.length)).toEqual([5, 1, 2]);
    expect(t.rows[2]!.cells[1]!.location).toEqual({ kind: "cell", table: 0, row: 2, cell: 1 });
    expect(snapshot.blocks[1]).toEqual({ kind: "paragraph", text: "End", location: { kind: "paragraph", paragraph: 8 } });
  });

  it("leaves nested tables out of the table index and flattens their text into the holding cell", () => {
    const snapshot = snapshotFromWord(
      [
        { values: [["A", "B1\rN1\rN2\rB2"]], nestingLevel: 1 },
        { values: [["N1", "N2"]], nestingLevel: 2 },
        { values: [["C", "D"]], nestingLevel: 1 },
      ],
      [p("Before"), p("A", 1), p("B1", 1), p("N1", 2), p("N2", 2), p("B2", 1), p(""), p("C", 1), p("D", 1), p("Last")],
    );
    expect(shape(snapshot.blocks)).toEqual([
      ["p", 0, "Before"],
      ["t", 0, [[["A"], ["B1", "N1", "N2", "B2"]]]],
      ["p", 6, ""],
      ["t", 1, [[["C"], ["D"]]]],
      ["p", 9, "Last"],
    ]);
  });

  it("advances paragraph indices by the paragraphs Word listed, even when a value splits differently", () => {
    // A manual line break (\v) inside one paragraph: values split it in two, body.paragraphs has one.
    const snapshot = snapshotFromWord(
      [{ values: [["Label", "line one\vline two"]], nestingLevel: 1 }],
      [p("Label", 1), p("line one\vline two", 1), p("Next")],
    );
    expect(shape(snapshot.blocks)).toEqual([
      ["t", 0, [[["Label"], ["line one", "line two"]]]],
      ["p", 2, "Next"],
    ]);
  });

  it("gives a run of table paragraphs to one table unless two tables' paragraphs fill it exactly", () => {
    const tables = [
      { values: [["a", "b"]], nestingLevel: 1 },
      { values: [["c"]], nestingLevel: 1 },
    ];
    const touching = snapshotFromWord(tables, [p("a", 1), p("b", 1), p("c", 1), p("after")]);
    expect(shape(touching.blocks)).toEqual([["t", 0, [[["a"], ["b"]]]], ["t", 1, [[["c"]]]], ["p", 3, "after"]]);

    const separate = snapshotFromWord(tables, [p("a", 1), p("b", 1), p(""), p("c", 1)]);
    expect(shape(separate.blocks)).toEqual([["t", 0, [[["a"], ["b"]]]], ["p", 2, ""], ["t", 1, [[["c"]]]]]);
  });

  it("keeps text it cannot match to a table, and tables it cannot place, rather than lose them", () => {
    const moreRuns = snapshotFromWord([{ values: [["a"]], nestingLevel: 1 }], [p("a", 1), p(""), p("stray", 1)]);
    expect(shape(moreRuns.blocks)).toEqual([["t", 0, [[["a"]]]], ["p", 1, ""], ["p", 2, "stray"]]);

    const moreTables = snapshotFromWord(
      [
        { values: [["a"]], nestingLevel: 1 },
        { values: [["b"]], nestingLevel: 1 },
      ],
      [p("a", 1), p("x")],
    );
    expect(shape(moreTables.blocks)).toEqual([["t", 0, [[["a"]]]], ["p", 1, "x"], ["t", 1, [[["b"]]]]]);
  });

  it("reads an empty document as no blocks", () => {
    expect(snapshotFromWord([], [])).toEqual({ blocks: [] });
  });
});
