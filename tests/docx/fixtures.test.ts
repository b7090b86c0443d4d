import { readFileSync } from "fs";
import { join } from "path";
import { readDocx } from "../../src/docx";
import type { DocumentSnapshot, SnapshotTable } from "../../src/model/snapshot";
import { layoutFixtures, variantFixtures, type FixtureSpec } from "../fixtures/catalogue";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { layout } from "../fixtures/layouts";
import { realSnapshot } from "../helpers/text-snapshot";

const DIR = join(__dirname, "../fixtures/docx");

jest.setTimeout(30_000);

function readFixture(file: string): Promise<DocumentSnapshot> {
  return readDocx(readFileSync(join(DIR, file)));
}

function tables(snapshot: DocumentSnapshot): SnapshotTable[] {
  return snapshot.blocks.filter((block): block is SnapshotTable => block.kind === "table");
}

const specs: FixtureSpec[] = [...layoutFixtures(), ...variantFixtures()];

describe("committed .docx fixtures read back as the snapshots they were built from", () => {
  test.each(specs.map((spec) => [spec.file, spec] as const))("%s: same text, same locations", async (_file, spec) => {
    expect(await readFixture(spec.file)).toEqual(spec.expected);
  });
});

describe("the real layout", () => {
  test.each([
    ["careers-provision.docx", "careersProvision"],
    ["care-leavers-eet.docx", "careLeaversEet"],
  ] as const)("%s gives exactly the snapshot of Word's text", async (file, name) => {
    expect(await readFixture(file)).toEqual(realSnapshot(name));
  });

  test("docxFromSnapshot → readDocx round trip in memory, jagged rows included", async () => {
    const snapshot = realSnapshot("careLeaversEet");
    const read = await readDocx(await docxFromSnapshot(snapshot));
    expect(read).toEqual(snapshot);
    const rowLengths = new Set(tables(read).flatMap((table) => table.rows.map((row) => row.cells.length)));
    expect([...rowLengths].sort()).toEqual([4, 5, 6]);
  });
});

/** The layouts must really differ from the real one, or the round trips above prove little. */
describe("layouts do what their names say", () => {
  const careLeavers = realSnapshot("careLeaversEet");

  test("per-recommendation tables: each table after the header starts at a recommendation or is the key", () => {
    const split = tables(layout(careLeavers, "per-recommendation-tables"));
    expect(split.slice(1).map((table) => table.rows[0].cells[0].paragraphs[0])).toEqual([
      "Recommendation 2:",
      "Recommendation 6:",
      "Recommendation 7:",
      "Assessment of",
    ]);
  });

  test("one table: a single table, the instructions paragraph a one-cell row", () => {
    const snapshot = layout(careLeavers, "one-table");
    expect(snapshot.blocks).toHaveLength(1);
    const rows = tables(snapshot)[0].rows;
    expect(rows.some((row) => row.cells.length === 1 && row.cells[0].paragraphs[0].startsWith("Updates on the progress"))).toBe(true);
  });

  test("heading paragraphs: no recommendation rows left, three heading paragraphs", () => {
    const snapshot = layout(careLeavers, "heading-paragraphs");
    const headings = snapshot.blocks.filter((block) => block.kind === "paragraph" && /^Recommendation \d+:/.test(block.text));
    expect(headings).toHaveLength(3);
    expect(tables(snapshot).some((table) => table.rows.some((row) => /^Recommendation/.test(row.cells[0].paragraphs[0])))).toBe(false);
  });

  test("label dates in a second paragraph: wrapped label and merged continuation rows", () => {
    const rows = tables(layout(careLeavers, "label-dates-in-second-paragraph")).flatMap((table) => table.rows);
    const slipped = rows.find((row) => row.cells[1].paragraphs[0] === "3. Slipped");
    expect(slipped?.cells[0].paragraphs).toEqual(["Assessment of Progress", "(February 2023): (include explanation if required)"]);
    expect(slipped?.cells[1].paragraphs.slice(1).map((text) => text.slice(0, 20))).toEqual([
      "Further work to do o",
      "Further work will be",
      "Service Lead – Child",
    ]);
    expect(rows.every((row) => !row.cells[0].paragraphs[0].startsWith("("))).toBe(true);
  });

  test("columns: header then one row per recommendation, a Progress/Assessment pair per round", () => {
    const table = tables(layout(careLeavers, "columns"))[1];
    expect(table.rows[0].cells.map((cell) => cell.paragraphs[0])).toEqual([
      "No.",
      "Recommendation",
      "Responsibility",
      "Date",
      "Progress (September 2022)",
      "Assessment of progress 1-4",
      "Progress (February 2023)",
      "Assessment of progress 1-4",
      "Progress (November 2023)",
      "Assessment of progress 1-4",
    ]);
    expect(table.rows.slice(1).map((row) => row.cells[0].paragraphs[0])).toEqual(["2", "6", "7"]);
    expect(table.rows[2].cells[9].paragraphs[0]).toBe("1. Fully Achieved");
  });
});
