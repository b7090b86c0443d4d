import type { DocumentSnapshot, SnapshotTable } from "../../src/model/snapshot";
import { GRADE_DROPDOWN_TAG, GRADE_PLACEHOLDER, type NewRow } from "../../src/model/plan";
import { analyse, applyPlanToSnapshot, parse, planAddRound } from "../../src/model";
import { COLUMN_LAYOUT, NOT_MONITORING, addedRoundRecord, readAddedRoundRecord } from "../../src/model/edit-add-round";
import { layout, type LayoutName } from "../fixtures/layouts";
import { realSnapshot } from "../helpers/text-snapshot";
import { snapshotFromText } from "../helpers/text-snapshot";
import { TODAY, allTexts, contentOf, isSubsequence, planOf, refusal } from "./edit-helpers";

const NOVEMBER = { month: "2026-11", recommendations: "all" as const, dropdowns: true, today: TODAY };
const LABELS = [
  "Evidence of Progress (November 2026):",
  "Assessment of Progress (November 2026): (include explanation if required)",
  "Evidence of Impact (November 2026):",
];

function tableAt(snapshot: DocumentSnapshot, index: number): SnapshotTable {
  const found = snapshot.blocks.find((b): b is SnapshotTable => b.kind === "table" && b.index === index);
  if (!found) throw new Error(`no table ${index}`);
  return found;
}

describe.each(["careersProvision", "careLeaversEet"] as const)("planAddRound on %s", (name) => {
  const source = realSnapshot(name);
  const before = parse(source);
  const plan = planOf(planAddRound(source, NOVEMBER));
  const after = applyPlanToSnapshot(source, plan);
  const document = parse(after);

  it("adds one empty November 2026 update to every recommendation, after its latest round", () => {
    expect(plan.round).toEqual({ month: "2026-11", recommendations: before.recommendations.map((r) => r.number) });
    expect(plan.skipped).toEqual([]);
    expect(plan.writes).toHaveLength(before.recommendations.length);
    document.recommendations.forEach((recommendation, i) => {
      const old = before.recommendations[i]!;
      expect(recommendation.rounds).toHaveLength(old.rounds.length + 1);
      const added = recommendation.rounds[recommendation.rounds.length - 1]!;
      expect(added.month).toBe("2026-11");
      expect([added.evidence?.label, added.assessment?.label, added.impact?.label]).toEqual(LABELS);
      expect([added.evidence?.text, added.assessment?.text, added.impact?.text]).toEqual(["", "", ""]);
      expect(added.assessment?.grade).toBeNull();
    });
    // The document reads as before otherwise.
    expect(contentOf(document).map((r) => ({ ...r, rounds: r.rounds.slice(0, -1) }))).toEqual(contentOf(before));
  });

  it("puts each round's rows straight after the latest round's last row, continuation rows included", () => {
    for (const write of plan.writes) {
      if (write.kind !== "insert-rows") throw new Error(write.kind);
      const recommendation = before.recommendations.find((r) => {
        const end = r.rounds[r.rounds.length - 1]?.end;
        return end?.kind === "cell" && end.table === write.table && end.row === write.afterRow;
      });
      expect(recommendation).toBeDefined();
    }
  });

  it("copies the template row's cell count, bolds the labels, and starts the Assessment value with a dropdown", () => {
    for (const write of plan.writes) {
      if (write.kind !== "insert-rows") throw new Error(write.kind);
      const width = tableAt(source, write.table).rows[write.afterRow]!.cells.length;
      write.rows.forEach((row: NewRow, r) => {
        expect(row.cells).toHaveLength(width);
        expect(row.cells.map((c) => c.bold)).toEqual(row.cells.map((_, c) => c === 0));
        expect(row.cells[0]!.text).toBe(LABELS[r]);
        expect(row.cells.slice(1).every((c) => c.text === "")).toBe(true);
        expect(row.cells.slice(1).map((c) => c.dropdown?.items ?? null)).toEqual(
          row.cells.slice(1).map((_, c) => (r === 1 && c === 0 ? ["1. Fully Achieved", "2. On-Track", "3. Slipped", "4. Not Achieved"] : null)),
        );
      });
      expect(write.rows[1]!.cells[1]!.dropdown).toMatchObject({ tag: GRADE_DROPDOWN_TAG, placeholder: GRADE_PLACEHOLDER });
    }
  });

  it("writes bottom-up and expects the table count, the touched tables' row counts and the template rows' text", () => {
    const places = plan.writes.map((w) => (w.kind === "insert-rows" ? [w.table, w.afterRow] : []));
    const sorted = [...places].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!);
    expect(places).toEqual(sorted);
    expect(plan.expect[0]).toEqual({ kind: "table-count", count: source.blocks.filter((b) => b.kind === "table").length });
    const rowCounts = plan.expect.filter((e) => e.kind === "row-count");
    expect(rowCounts.length).toBe(new Set(places.map((p) => p[0])).size);
    expect(plan.expect.filter((e) => e.kind === "text").length).toBeGreaterThanOrEqual(plan.writes.length * 2);
  });

  it("reads the unchosen dropdown as empty: the new update is the gap list", () => {
    const findings = analyse(after).findings.filter((f) => f.round === "November 2026" || f.message.includes("November 2026"));
    const codes = new Set(findings.filter((f) => f.severity === "error").map((f) => f.code));
    expect(codes).toEqual(new Set(["missing-evidence", "missing-grade", "missing-impact"]));
  });

  it("keeps every paragraph and cell text in the same order", () => {
    expect(isSubsequence(allTexts(source), allTexts(after))).toBe(true);
  });

  it("skips a recommendation that already has an update in that month, and adding twice changes nothing", () => {
    const again = planAddRound(after, NOVEMBER);
    expect(refusal(again)).toMatch(/^Nothing to add: Recommendation .* already has a November 2026 update/);
    const one = before.recommendations[0]!.number;
    const partial = planOf(planAddRound(source, { ...NOVEMBER, recommendations: [one] }));
    const rest = planOf(planAddRound(applyPlanToSnapshot(source, partial), NOVEMBER));
    expect(rest.skipped).toEqual([{ recommendation: one, reason: "already has a November 2026 update" }]);
    expect(rest.round?.recommendations).not.toContain(one);
  });

  it("adds without dropdowns when the host cannot show them", () => {
    const plain = planOf(planAddRound(source, { ...NOVEMBER, dropdowns: false }));
    expect(JSON.stringify(plain.writes)).not.toContain(GRADE_DROPDOWN_TAG);
    const added = parse(applyPlanToSnapshot(source, plain));
    expect(added.recommendations.every((r) => r.rounds[r.rounds.length - 1]!.assessment?.text === "")).toBe(true);
  });
});

describe("planAddRound: where the rows go", () => {
  it("after the real documents' odd rows: a round split over two tables, and before an unrecognised row", () => {
    const careers = realSnapshot("careersProvision");
    const plan = planOf(planAddRound(careers, { ...NOVEMBER, recommendations: ["1"] }));
    const write = plan.writes[0]!;
    if (write.kind !== "insert-rows") throw new Error(write.kind);
    // Recommendation 1's Evidence of Impact has a table of its own after an empty paragraph.
    expect(tableAt(careers, write.table).rows[write.afterRow]!.cells[0]!.paragraphs[0]).toBe("Evidence of Impact (August 21):");

    const eet = realSnapshot("careLeaversEet");
    const first = planOf(planAddRound(eet, { ...NOVEMBER, recommendations: ["2"] })).writes[0]!;
    if (first.kind !== "insert-rows") throw new Error(first.kind);
    const rows = tableAt(eet, first.table).rows;
    expect(rows[first.afterRow]!.cells[0]!.paragraphs[0]).toMatch(/^Evidence of Impact \(November 2023\)/);
    expect(rows[first.afterRow + 1]!.cells[0]!.paragraphs[0]).toBe("December detion 0");
    // Wider rows there (a label, its value and empty cells): the new rows are as wide.
    expect(first.rows[0]!.cells).toHaveLength(rows[first.afterRow]!.cells.length);
    expect(rows[first.afterRow]!.cells.length).toBeGreaterThan(2);
  });

  it("after Agreed Success Measure (its continuation rows too) when a recommendation has no round", () => {
    const snapshot = snapshotFromText(
      [
        "SCRUTINY MONITORING – PROGRESS UPDATE",
        "Review:\tScrutiny Review of Parks",
        "",
        "Recommendation 1:\tThat parks open later.",
        "Responsibility:\tParks lead",
        "Agreed Success Measure:\tLater opening",
        "\tand more visitors",
        "Recommendation 2:\tThat bins are emptied.",
        "",
      ].join("\n"),
    );
    const plan = planOf(planAddRound(snapshot, { ...NOVEMBER, recommendations: ["1"] }));
    expect(plan.writes).toEqual([expect.objectContaining({ kind: "insert-rows", table: 1, afterRow: 3 })]);
    const document = parse(applyPlanToSnapshot(snapshot, plan));
    expect(document.recommendations[0]!.rounds.map((r) => r.month)).toEqual(["2026-11"]);
    expect(document.recommendations[0]!.successMeasure?.text).toBe("Later opening\nand more visitors");
    expect(document.recommendations[1]!.rounds).toEqual([]);
  });

  it("keeps the document's own capitalisation of the labels it already uses", () => {
    const text = realSnapshot("careersProvision");
    const lower = JSON.parse(JSON.stringify(text).replace(/Evidence of Progress \(/g, "Evidence of progress (")) as DocumentSnapshot;
    const plan = planOf(planAddRound(lower, NOVEMBER));
    const write = plan.writes[0]!;
    if (write.kind !== "insert-rows") throw new Error(write.kind);
    expect(write.rows.map((r) => r.cells[0]!.text)).toEqual(["Evidence of progress (November 2026):", LABELS[1], LABELS[2]]);
  });
});

describe.each(["careersProvision", "careLeaversEet"] as const)("planAddRound in every layout of %s", (name) => {
  it.each(["real", "per-recommendation-tables", "one-table", "heading-paragraphs", "label-dates-in-second-paragraph"] as LayoutName[])(
    "%s: every recommendation gets the update, nothing else changes",
    (layoutName) => {
      const source = layout(realSnapshot(name), layoutName);
      const before = parse(source);
      const plan = planOf(planAddRound(source, NOVEMBER));
      expect(plan.skipped).toEqual([]);
      const after = parse(applyPlanToSnapshot(source, plan));
      expect(after.recommendations.map((r) => r.rounds[r.rounds.length - 1]!.month)).toEqual(before.recommendations.map(() => "2026-11"));
      expect(contentOf(after).map((r) => ({ ...r, rounds: r.rounds.slice(0, -1) }))).toEqual(contentOf(before));
      expect(isSubsequence(allTexts(source), allTexts(applyPlanToSnapshot(source, plan)))).toBe(true);
    },
  );

  it("refuses the older column layout with a plain message", () => {
    expect(refusal(planAddRound(layout(realSnapshot(name), "columns"), NOVEMBER))).toBe(COLUMN_LAYOUT);
  });
});

describe("planAddRound refuses bad intents", () => {
  const source = realSnapshot("careLeaversEet");

  it.each([
    ["1999-12", /too long ago/],
    ["2029-01", /more than two years ahead/],
    ["2026-13", /is not a month/],
    ["November", /is not a month/],
  ])("month %s", (month, reason) => {
    expect(refusal(planAddRound(source, { ...NOVEMBER, month }))).toMatch(reason);
  });

  it("accepts two years ahead and the year 2000", () => {
    expect(planAddRound(source, { ...NOVEMBER, month: "2028-12" }).ok).toBe(true);
    expect(planAddRound(source, { ...NOVEMBER, month: "2000-01" }).ok).toBe(true);
  });

  it("no recommendation in scope, or one the document does not have", () => {
    expect(refusal(planAddRound(source, { ...NOVEMBER, recommendations: [] }))).toMatch(/No recommendation was chosen/);
    expect(refusal(planAddRound(source, { ...NOVEMBER, recommendations: ["9"] }))).toBe("This document has no Recommendation 9.");
  });

  it("a document that is not a monitoring document", () => {
    const letter = snapshotFromText("Dear colleague,\nPlease find attached.\n");
    expect(refusal(planAddRound(letter, NOVEMBER))).toBe(NOT_MONITORING);
  });

  it("recommendations written as paragraphs, not table rows: skipped, and said why", () => {
    const snapshot = snapshotFromText(
      [
        "Review:\tScrutiny Review of Parks",
        "Recommendation 1: That parks open later.",
        "Evidence of Progress (July 2021): Gates now close at nine.",
        "Recommendation 2:\tThat bins are emptied.",
        "Agreed Success Measure:\tEmpty bins",
        "",
      ].join("\n"),
    );
    const plan = planOf(planAddRound(snapshot, NOVEMBER));
    expect(plan.skipped).toEqual([{ recommendation: "1", reason: "is not laid out as table rows, so an update cannot be added as rows" }]);
    expect(plan.round?.recommendations).toEqual(["2"]);
  });
});

describe("the record of the last Add, kept in the document's settings", () => {
  it("round-trips and rejects anything else", () => {
    const plan = planOf(planAddRound(realSnapshot("careLeaversEet"), NOVEMBER));
    const record = addedRoundRecord(plan, new Date("2026-12-02T01:00:00Z"));
    expect(record).toEqual({ month: "2026-11", recommendations: ["2", "6", "7"], addedAt: "2026-12-02T01:00:00.000Z" });
    expect(readAddedRoundRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
    expect(readAddedRoundRecord({ month: "soon", recommendations: [], addedAt: "" })).toBeNull();
    expect(readAddedRoundRecord("2026-11")).toBeNull();
  });
});
