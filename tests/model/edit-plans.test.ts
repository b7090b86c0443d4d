import type { DocumentSnapshot } from "../../src/model/snapshot";
import { COMMENT_PREFIX, GRADE_PLACEHOLDER, SUMMARY_TITLE_PREFIX } from "../../src/model/plan";
import {
  analyse,
  applyPlanToSnapshot,
  locationOfParagraph,
  parse,
  planAddComments,
  planAddRound,
  planRemoveComments,
  planRemoveRound,
  planSetGrade,
  planSummary,
  recommendationAt,
  summaryPlaceAt,
} from "../../src/model";
import { readAssessment } from "../../src/model/grades";
import { setAsideRecord, withoutSetAside } from "../../src/model/set-aside";
import { SUMMARY_IN_TABLE } from "../../src/model/edit-summary";
import { realSnapshot, snapshotFromText } from "../helpers/text-snapshot";
import { TODAY, allTexts, cellText, isSubsequence, planOf, refusal } from "./edit-helpers";

const NOVEMBER = { month: "2026-11", recommendations: "all" as const, dropdowns: true, today: TODAY };
const REAL = ["careersProvision", "careLeaversEet"] as const;

function withTexts(snapshot: DocumentSnapshot, change: (text: string) => string): DocumentSnapshot {
  return {
    blocks: snapshot.blocks.map((b) =>
      b.kind === "paragraph"
        ? b
        : { ...b, rows: b.rows.map((r) => ({ cells: r.cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map(change) })) })) },
    ),
  };
}

describe("grades: where the engine read them", () => {
  it.each([
    ["2. On track", 0, "2. On track"],
    ["  2. Largely met. More text", 2, "2."],
    ["On-Track This is a council wide response", 0, "On-Track"],
    ["Good progress.\n2. On track", 15, "2. On track"],
    ["Good progress.\r\nSlipped.", 16, "Slipped."],
  ])("%j: the grade phrase at %i is %j", (text, offset, phrase) => {
    const { at } = readAssessment(text);
    expect(at).not.toBeNull();
    expect(text.slice(at!.offset, at!.offset + at!.length)).toBe(phrase);
    expect(at!.offset).toBe(offset);
  });

  it("no grade, no place", () => {
    expect(readAssessment("All schools responded").at).toBeNull();
  });

  it("reads an unchosen grade dropdown as empty, and a chosen one as a typed grade", () => {
    const row = (value: string) =>
      snapshotFromText(
        ["Review:\tParks", "Recommendation 1:\tThat parks open later.", "Evidence of Progress (July 2021):\tGates later.", `Assessment of Progress (July 2021):\t${value}`, ""].join("\n"),
      );
    const empty = parse(row(GRADE_PLACEHOLDER)).recommendations[0]!.rounds[0]!.assessment!;
    expect([empty.text, empty.grade, empty.explanation]).toEqual(["", null, null]);
    const after = parse(row(`${GRADE_PLACEHOLDER} Staff left in May.`)).recommendations[0]!.rounds[0]!.assessment!;
    expect([after.text, after.grade]).toEqual(["Staff left in May.", null]);
    const chosen = parse(row("2. On-Track Staff stayed.")).recommendations[0]!.rounds[0]!.assessment!;
    expect([chosen.grade, chosen.explanation]).toEqual([2, "Staff stayed."]);
    expect(analyse(row(GRADE_PLACEHOLDER)).findings.map((f) => f.code)).toContain("missing-grade");
  });
});

describe.each(REAL)("planSetGrade on %s", (name) => {
  const source = realSnapshot(name);
  const document = parse(source);

  it("changes exactly the grade the engine read in every graded round, keeping every other character", () => {
    for (const recommendation of document.recommendations) {
      recommendation.rounds.forEach((round, index) => {
        if (round.assessment?.grade == null) return;
        const grade = round.assessment.grade === 4 ? 1 : 4;
        const result = planSetGrade(source, { recommendation: recommendation.number, round: index, grade });
        // Every grade in the real documents can be located exactly.
        if (!result.ok) throw new Error(result.reason);
        const write = result.plan.writes[0]!;
        if (write.kind !== "set-grade" || !write.replace) throw new Error("expected a replacement");
        const before = cellText(source, write.location)!;
        const after = cellText(applyPlanToSnapshot(source, result.plan), write.location)!;
        const { paragraph, offset, find } = write.replace;
        expect(before[paragraph]!.slice(offset, offset + find.length)).toBe(find);
        expect(after[paragraph]).toBe(before[paragraph]!.slice(0, offset) + write.text + before[paragraph]!.slice(offset + find.length));
        const reread = parse(applyPlanToSnapshot(source, result.plan)).recommendations.find((r) => r.number === recommendation.number)!;
        expect(reread.rounds[index]!.assessment?.grade).toBe(grade);
        expect(reread.rounds[index]!.assessment?.explanation).toBe(round.assessment.explanation);
      });
    }
  });

  it("puts a grade at the start of an ungraded assessment, keeping its text after it", () => {
    for (const recommendation of document.recommendations) {
      recommendation.rounds.forEach((round, index) => {
        if (!round.assessment || round.assessment.grade !== null) return;
        const plan = planOf(planSetGrade(source, { recommendation: recommendation.number, round: index, grade: 3 }));
        const write = plan.writes[0]!;
        if (write.kind !== "set-grade") throw new Error(write.kind);
        expect([write.replace, write.dropdown, write.text]).toEqual([null, false, "3. Slipped"]);
        const after = parse(applyPlanToSnapshot(source, plan)).recommendations.find((r) => r.number === recommendation.number)!;
        expect(after.rounds[index]!.assessment?.grade).toBe(3);
        expect(after.rounds[index]!.assessment?.explanation).toBe(round.assessment.explanation);
      });
    }
  });

  it("chooses the grade in a new update's dropdown", () => {
    const added = applyPlanToSnapshot(source, planOf(planAddRound(source, NOVEMBER)));
    const first = parse(added).recommendations[0]!;
    const plan = planOf(planSetGrade(added, { recommendation: first.number, round: first.rounds.length - 1, grade: 1 }));
    expect(plan.writes[0]).toMatchObject({ kind: "set-grade", dropdown: true, replace: null, text: "1. Fully Achieved" });
    expect(plan.expect).toContainEqual(expect.objectContaining({ kind: "text", paragraphs: [GRADE_PLACEHOLDER] }));
    const after = parse(applyPlanToSnapshot(added, plan)).recommendations[0]!;
    expect(after.rounds[after.rounds.length - 1]!.assessment?.grade).toBe(1);
  });

  it("refuses what it cannot do, saying why", () => {
    const number = document.recommendations[0]!.number;
    expect(refusal(planSetGrade(source, { recommendation: "99", round: 0, grade: 1 }))).toBe("This document has no Recommendation 99.");
    expect(refusal(planSetGrade(source, { recommendation: number, round: 40, grade: 1 }))).toMatch(/has no such update/);
    const graded = document.recommendations[0]!.rounds[0]!.assessment!.grade!;
    expect(refusal(planSetGrade(source, { recommendation: number, round: 0, grade: graded }))).toMatch(/is already graded/);
  });
});

describe("planSetGrade: a grade it cannot place exactly", () => {
  it("in a paragraph layout, or outside the Assessment's own cell", () => {
    const inParagraphs = snapshotFromText(
      ["Review:\tParks", "Recommendation 1: That parks open later.", "Assessment of Progress (July 2021): 2. On track", ""].join("\n"),
    );
    expect(refusal(planSetGrade(inParagraphs, { recommendation: "1", round: 0, grade: 3 }))).toMatch(/not in a table cell of its own/);
    // The grade is in the row's third cell, the explanation in its second: the grade is not in the Assessment's cell.
    const elsewhere = snapshotFromText(
      ["Review:\tParks", "Recommendation 1:\tThat parks open later.", "Assessment of Progress (July 2021):\tGood.\t2. On track", ""].join("\n"),
    );
    expect(parse(elsewhere).recommendations[0]!.rounds[0]!.assessment?.grade).toBe(2);
    expect(refusal(planSetGrade(elsewhere, { recommendation: "1", round: 0, grade: 3 }))).toMatch(/could not be located exactly in its cell, so it was not changed/);
  });
});

describe.each(REAL)("planRemoveRound on %s", (name) => {
  const source = realSnapshot(name);
  const add = planOf(planAddRound(source, NOVEMBER));
  const added = applyPlanToSnapshot(source, add);

  it("removes exactly what Add added", () => {
    const remove = planOf(planRemoveRound(added, { month: "2026-11", recommendations: add.round!.recommendations }));
    expect(applyPlanToSnapshot(added, remove)).toEqual(source);
    expect(remove.writes.every((w) => w.kind === "delete-rows" && w.count === 3)).toBe(true);
  });

  it("refuses, naming the recommendation, once one of the new rows holds text; deletes nothing", () => {
    const last = add.round!.recommendations[add.round!.recommendations.length - 1]!;
    const recommendation = parse(added).recommendations.find((r) => r.number === last)!;
    const evidence = recommendation.rounds[recommendation.rounds.length - 1]!.evidence!.location;
    const typed = withTexts(added, (t) => t);
    for (const block of typed.blocks) {
      if (block.kind === "table" && evidence.kind === "cell" && block.index === evidence.table) {
        block.rows[evidence.row]!.cells[evidence.cell]!.paragraphs = ["Work started."];
      }
    }
    const reason = refusal(planRemoveRound(typed, { month: "2026-11", recommendations: add.round!.recommendations }));
    expect(reason).toBe(`Recommendation ${last}'s November 2026 update already holds text (or is no longer as it was added), so nothing was removed.`);
  });

  it("refuses a chosen grade too, and an update the document never had", () => {
    const first = parse(added).recommendations[0]!;
    const graded = applyPlanToSnapshot(added, planOf(planSetGrade(added, { recommendation: first.number, round: first.rounds.length - 1, grade: 2 })));
    expect(refusal(planRemoveRound(graded, { month: "2026-11" }))).toMatch(new RegExp(`^Recommendation ${first.number}'s`));
    expect(refusal(planRemoveRound(source, { month: "2026-11" }))).toBe("No recommendation has a November 2026 update to remove.");
    // Updates an officer wrote are never "what Add wrote".
    const existing = parse(source).recommendations[0]!.rounds[0]!.month!;
    expect(planRemoveRound(source, { month: existing }).ok).toBe(false);
  });
});

describe.each(REAL)("the grade summary on %s", (name) => {
  const source = realSnapshot(name);
  const insert = planOf(planSummary(source, { place: { kind: "end" }, today: TODAY }));
  const withSummary = applyPlanToSnapshot(source, insert);

  it("is one rectangular titled table: latest counts, every update's counts, each recommendation's history", () => {
    const write = insert.writes[0]!;
    if (write.kind !== "insert-summary") throw new Error(write.kind);
    const width = write.rows[0]!.length;
    expect(write.rows.every((r) => r.length === width)).toBe(true);
    expect(write.rows[0]![0]).toMatch(new RegExp(`^${SUMMARY_TITLE_PREFIX} for Scrutiny Review of .*, made on 2 December 2026$`));
    expect(write.rows[1]!.slice(1, 6)).toEqual(["1. Fully Achieved", "2. On-Track", "3. Slipped", "4. Not Achieved", "No grade"]);
    const { totals } = analyse(source);
    const latest = totals.latest;
    expect(write.rows[2]!.slice(1, 6)).toEqual([latest[1], latest[2], latest[3], latest[4], latest.none].map(String));
    expect(write.rows.slice(3, 3 + totals.rounds.length).map((r) => r[0])).toEqual(totals.rounds.map((r) => r.label));
    expect(write.rows.filter((r) => r[0]!.startsWith("Recommendation ")).length).toBe(totals.history.length);
  });

  it("is never read as monitoring content: the document checks and totals exactly as without it", () => {
    const plain = analyse(source);
    const summarised = analyse(withSummary);
    expect(summarised.findings).toEqual(plain.findings);
    expect(summarised.totals).toEqual(plain.totals);
    const paragraph = source.blocks.find((b) => b.kind === "paragraph" && b.text.trim() !== "")!;
    if (paragraph.kind !== "paragraph") throw new Error("no paragraph");
    const middle = applyPlanToSnapshot(
      source,
      planOf(planSummary(source, { place: { kind: "after-paragraph", paragraph: paragraph.location.paragraph }, today: TODAY })),
    );
    expect(analyse(middle).totals).toEqual(plain.totals);
    expect(analyse(middle).findings.map((f) => [f.code, f.message])).toEqual(plain.findings.map((f) => [f.code, f.message]));
  });

  it("refreshes only itself", () => {
    const graded = parse(withSummary).recommendations[0]!;
    const changedGrade = planSetGrade(withSummary, { recommendation: graded.number, round: 0, grade: graded.rounds[0]!.assessment?.grade === 4 ? 1 : 4 });
    const changed = changedGrade.ok ? applyPlanToSnapshot(withSummary, changedGrade.plan) : withSummary;
    const refresh = planOf(planSummary(changed, { place: { kind: "end" }, today: "2027-01-05" }));
    expect(refresh.writes).toEqual([expect.objectContaining({ kind: "replace-summary" })]);
    const refreshed = applyPlanToSnapshot(changed, refresh);
    const outside = (s: DocumentSnapshot) => s.blocks.filter((b) => !(b.kind === "table" && b.rows[0]?.cells[0]?.paragraphs[0]?.startsWith(SUMMARY_TITLE_PREFIX)));
    expect(outside(refreshed)).toEqual(outside(changed));
    expect(JSON.stringify(refreshed)).toContain("made on 5 January 2027");
  });

  it("gives each recommendation's grade in the column of its update", () => {
    const write = insert.writes[0]!;
    if (write.kind !== "insert-summary") throw new Error(write.kind);
    const { totals } = analyse(source);
    const header = write.rows.find((r) => r[0] === "Recommendation")!;
    expect(header.slice(1, 1 + totals.rounds.length)).toEqual(totals.rounds.map((r) => r.label));
    for (const history of totals.history) {
      const row = write.rows.find((r) => r[0] === `Recommendation ${history.recommendation}`)!;
      const column = (label: string) => totals.rounds.findIndex((r) => r.label === label) + 1;
      for (const entry of history.grades) {
        expect(row[column(entry.label)]).toBe(entry.grade === null ? "No grade" : `${entry.grade}. ${parse(source).gradeNames[entry.grade]}`);
      }
    }
    if (name === "careLeaversEet") {
      expect(write.rows.find((r) => r[0] === "Recommendation 2")!.slice(1, 4)).toEqual(["2. On-Track", "2. On-Track", "1. Fully Achieved"]);
    }
  });

  it("goes after a paragraph, not into a table", () => {
    expect(summaryPlaceAt({ kind: "cell", table: 1, row: 0, cell: 0 })).toEqual({ ok: false, reason: SUMMARY_IN_TABLE });
    expect(summaryPlaceAt(null)).toEqual({ ok: true, place: { kind: "end" } });
    // Paragraph 1 is a cell's paragraph in both documents (the header table).
    expect(refusal(planSummary(source, { place: { kind: "after-paragraph", paragraph: 1 }, today: TODAY }))).toBe(SUMMARY_IN_TABLE);
    expect(isSubsequence(allTexts(source), allTexts(withSummary))).toBe(true);
  });
});

describe.each(REAL)("review comments on %s", (name) => {
  const source = realSnapshot(name);

  it("one per cell with an error or warning, its text the findings' messages after the prefix", () => {
    const plan = planOf(planAddComments(source));
    const findings = analyse(source).findings.filter((f) => (f.severity === "error" || f.severity === "warning") && f.location);
    const places = new Set(findings.map((f) => JSON.stringify(f.location)));
    expect(plan.writes).toHaveLength(places.size);
    for (const write of plan.writes) {
      if (write.kind !== "add-comment") throw new Error(write.kind);
      expect(write.text.startsWith(COMMENT_PREFIX)).toBe(true);
      const here = findings.filter((f) => JSON.stringify(f.location) === JSON.stringify(write.location));
      expect(write.text).toBe(COMMENT_PREFIX + [...new Set(here.map((f) => f.message))].join(" "));
    }
    expect(applyPlanToSnapshot(source, plan)).toEqual(source);
  });

  it("gives no comment to a finding set aside, and one again once it is restored", () => {
    const { document, findings } = analyse(source);
    const commented = findings.filter((f) => (f.severity === "error" || f.severity === "warning") && f.location);
    const aside = commented[0];
    const record = setAsideRecord(aside, document, "Agreed with the chair.", TODAY);
    const all = planOf(planAddComments(source));
    const alone = commented.every((f) => f === aside || JSON.stringify(f.location) !== JSON.stringify(aside.location));
    const result = planAddComments(source, [record]);
    if (alone && all.writes.length === 1) {
      // Its only finding with a place: nothing is left to comment on.
      expect(result.ok).toBe(false);
    } else {
      const plan = planOf(result);
      const texts = plan.writes.map((w) => (w.kind === "add-comment" ? w.text : ""));
      expect(texts.some((text) => text.includes(aside.message))).toBe(false);
      expect(plan.writes).toHaveLength(all.writes.length - (alone ? 1 : 0));
      expect(plan.description).toMatch(/findings set aside get none\.$/);
    }
    expect(all.description).not.toMatch(/set aside/);
    expect(planOf(planAddComments(source, withoutSetAside([record], record)))).toEqual(all);

    const everything = commented.map((f) => setAsideRecord(f, document, "Agreed with the chair.", TODAY));
    expect(refusal(planAddComments(source, everything))).toBe(
      "The check found no errors or warnings to comment on that are not set aside.",
    );
  });

  it("removes only ours", () => {
    expect(planOf(planRemoveComments(source)).writes).toEqual([{ kind: "remove-comments" }]);
  });
});

describe("where things are", () => {
  const source = realSnapshot("careersProvision");
  const document = parse(source);

  it("the recommendation holding a cell or paragraph", () => {
    for (const recommendation of document.recommendations) {
      expect(recommendationAt(source, recommendation.location)).toBe(recommendation.number);
      const round = recommendation.rounds[0];
      if (round?.impact) expect(recommendationAt(source, round.impact.location)).toBe(recommendation.number);
    }
    expect(recommendationAt(source, { kind: "paragraph", paragraph: 0 })).toBeNull();
    expect(recommendationAt(source, document.gradingKey!)).toBeNull();
    expect(recommendationAt(source, { kind: "cell", table: 99, row: 0, cell: 0 })).toBeNull();
  });

  it("the paragraph index Word gives the cursor, as a snapshot location", () => {
    let index = 0;
    for (const block of source.blocks) {
      if (block.kind === "paragraph") {
        expect(locationOfParagraph(source, block.location.paragraph)).toEqual(block.location);
        index = block.location.paragraph + 1;
        continue;
      }
      for (const row of block.rows) {
        for (const cell of row.cells) {
          expect(locationOfParagraph(source, index)).toEqual(cell.location);
          index += cell.paragraphs.length;
        }
      }
    }
    expect(locationOfParagraph(source, index + 5)).toBeNull();
  });
});
