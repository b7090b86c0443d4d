import fc from "fast-check";
import { classifyColumn, findColumnsHeader } from "../../src/model/parse-columns";
import { parse } from "../../src/model/parse";
import type { SnapshotTable } from "../../src/model/snapshot";
import { joinLine } from "../../src/model/text";
import { fuzzParameters } from "../fuzz/settings";
import { snapshotOf, table } from "./blocks";

/** An older council's layout: one row per recommendation, a Progress and an Assessment column per update. */
const OLDER = snapshotOf([
  "SCRUTINY MONITORING – PROGRESS UPDATE",
  table("Review:\tScrutiny Review of Highways Maintenance", "Link Officer/s:\tJane Smith"),
  "",
  table(
    "No.\tRecommendation\tResponsibility\tDate\tProgress (July 2021)\tAssessment of progress 1-4\tProgress (February 2022)\tAssessment of progress 1-4\tProgress (September 2022)\tAssessment of progress 1-4",
    "1.\tThat potholes be repaired within 28 days.\tHighways Manager\tApril 2021\tNew contract let.\t2\tRepairs within 30 days.¶Backlog cleared.\t2. On track\t\t",
    "2\tThat residents be told of planned works.\tComms Team\tJune 2021\tLeaflets drafted.\t3 Slipped\tNo progress.\tNot achieved\t\t",
    "\t\t\t\t\t\tNew web page planned.\t\t\t",
    "3a\tThat members receive quarterly updates.\tCabinet Member\tDecember 2021\tFirst update given.\t1\t\t\t\t",
    "Assessment of\t1\t2\t3\t4",
  ),
]);

describe("the older column layout", () => {
  const document = parse(OLDER);

  it("is recognised as the column layout, with its header read as usual", () => {
    expect(document.layout).toBe("columns");
    expect(document.title).toBe("SCRUTINY MONITORING – PROGRESS UPDATE");
    expect(document.review?.text).toBe("Scrutiny Review of Highways Maintenance");
    expect(document.linkOfficers?.text).toBe("Jane Smith");
  });

  it("reads one recommendation per row, numbers as written", () => {
    expect(document.recommendations.map((r) => r.number)).toEqual(["1", "2", "3a"]);
    const [first] = document.recommendations;
    expect(first.text).toBe("That potholes be repaired within 28 days.");
    expect(first.location).toEqual({ kind: "cell", table: 1, row: 1, cell: 0 });
    expect(first.responsibility).toMatchObject({
      label: "Responsibility",
      text: "Highways Manager",
      location: { kind: "cell", table: 1, row: 1, cell: 2 },
      labelLocation: { kind: "cell", table: 1, row: 0, cell: 2 },
    });
    expect(first.targetDate?.text).toBe("April 2021");
    expect(first.agreedAction).toBeNull();
    expect(first.successMeasure).toBeNull();
  });

  it("makes each Progress / Assessment pair a round dated by its header, without impact", () => {
    const [first] = document.recommendations;
    expect(first.rounds.map((r) => [r.index, r.label, r.month, r.assessment?.grade])).toEqual([
      [0, "July 2021", "2021-07", 2],
      [1, "February 2022", "2022-02", 2],
    ]);
    expect(first.rounds[1].evidence).toMatchObject({
      label: "Progress (February 2022)",
      text: "Repairs within 30 days.\nBacklog cleared.",
      location: { kind: "cell", table: 1, row: 1, cell: 6 },
    });
    expect(first.rounds[0].assessment).toMatchObject({ label: "Assessment of progress 1-4", month: null, text: "2" });
    expect(first.rounds.every((r) => r.impact === null)).toBe(true);
  });

  it("leaves out update columns not yet filled in", () => {
    expect(document.recommendations.map((r) => r.rounds.length)).toEqual([2, 2, 1]);
  });

  it("adds a row with no number or recommendation to the recommendation above", () => {
    const second = document.recommendations[1];
    expect(second.rounds.map((r) => r.assessment?.grade)).toEqual([3, 4]);
    expect(second.rounds[1].evidence?.text).toBe("No progress.\nNew web page planned.");
  });

  it("recognises the grading key below the table and reports nothing", () => {
    expect(document.gradingKey).toEqual({ kind: "cell", table: 1, row: 5, cell: 0 });
    expect(document.unrecognised).toEqual([]);
  });
});

describe("column headers", () => {
  it.each([
    ["No.", "number"],
    ["Rec No", "number"],
    ["Recommendation", "recommendation"],
    ["Responsibility", "responsibility"],
    ["Lead Officer", "responsibility"],
    ["Date", "targetDate"],
    ["Target date", "targetDate"],
    ["Agreed Action", "agreedAction"],
    ["Success Measure", "successMeasure"],
    ["Progress (July 2021)", "evidence"],
    ["Progress update Sept 22", "evidence"],
    ["Assessment of progress 1-4", "assessment"],
    ["Evidence of Impact", "impact"],
    ["Comments", null],
  ])("%j is %s", (text, column) => {
    expect(classifyColumn(text)).toBe(column);
  });

  it("does not take the template's label rows for a column header", () => {
    const rows = parse(snapshotOf([table("Recommendation 1:\tText", "Evidence of Progress (July 2021):\tA")]));
    expect(rows.layout).toBe("rows");
    const t = snapshotOf([table("No.\tRecommendation\tLong text", "1\tThat\tA")]).blocks[0] as SnapshotTable;
    expect(findColumnsHeader(t)).toBe(-1);
  });

  it("finds a header below a title row in the same table", () => {
    const t = snapshotOf([
      table("Scrutiny Review of Highways", "No.\tRecommendation\tProgress\tAssessment", "1\tThat\tDone\t1"),
    ]).blocks[0] as SnapshotTable;
    expect(findColumnsHeader(t)).toBe(1);
  });
});

/** findColumnsHeader as it was before it looked for a number column first: every cell classified. */
function headerByEveryColumn(t: SnapshotTable): number {
  for (let r = 0; r < Math.min(3, t.rows.length); r++) {
    const cells = t.rows[r].cells;
    if (cells.length < 3 || cells.some((cell) => cell.paragraphs.join("").length > 80)) continue;
    const columns = cells.map((cell) => classifyColumn(joinLine(cell.paragraphs)));
    if (columns.includes("number") && columns.includes("recommendation") && (columns.includes("evidence") || columns.includes("assessment")))
      return r;
  }
  return -1;
}

describe("findColumnsHeader", () => {
  it("finds the row that classifying every cell finds", () => {
    const cellText = fc.constantFrom(
      "No.", " No ", "#", "Ref.", "Rec No.", "Recommendation", "Recommendations", "Progress (July 2021)", "Update",
      "Assessment of progress 1-4", "Grade", "Impact", "Responsibility", "Date", "Agreed Action", "Success Measure",
      "1", "2", "Fully Achieved", "Comments", "", "Number one", "x".repeat(81),
    );
    const cell = fc.array(cellText, { minLength: 1, maxLength: 2 });
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(rows, (cells) => {
        const t = snapshotOf([cells]).blocks[0] as SnapshotTable;
        expect(findColumnsHeader(t)).toBe(headerByEveryColumn(t));
      }),
      fuzzParameters(5_000),
    );
  });
});
