import { parse } from "../../src/model/parse";
import { GRADE_NAMES } from "../../src/model/types";
import { realSnapshot } from "../helpers/text-snapshot";
import { syntheticDocument } from "../helpers/synthetic";
import {
  content,
  headingParagraphs,
  labelDatesInSecondParagraph,
  oneTable,
  perRecommendationTables,
  snapshotOf,
  table,
  toPlain,
  type Plain,
} from "./blocks";

const REAL = ["careersProvision", "careLeaversEet"] as const;

describe.each(REAL)("the same document in every layout parses the same: %s", (name) => {
  const plain = toPlain(realSnapshot(name));
  const expected = content(parse(realSnapshot(name)));

  it.each([
    ["one table for the whole document", oneTable],
    ["a table per recommendation", perRecommendationTables],
    ["headings as paragraphs", headingParagraphs],
    ["label dates in a second paragraph of the label cell", labelDatesInSecondParagraph],
    [
      "headings as paragraphs, dates wrapped, all in one table",
      (b: readonly Plain[]) => oneTable(labelDatesInSecondParagraph(headingParagraphs(b))),
    ],
  ])("%s", (_layout, transform) => {
    const transformed = transform(plain);
    expect(transformed).not.toEqual(plain);
    expect(content(parse(snapshotOf(transformed)))).toEqual(expected);
  });
});

describe("label cells of several paragraphs", () => {
  it("joins them by a space and reads the date from the second", () => {
    const document = parse(
      snapshotOf([
        table(
          "Recommendation 4:\tThat the Council works with stakeholders.",
          "Evidence of Progress¶(Sept 2022):\tWork experience resumed.",
          "Assessment of Progress¶(Sept 2022):¶(include explanation if required)\t3. Slipped",
          "Evidence of¶Impact (Oct 22):\tNone yet.",
        ),
      ]),
    );
    const [round] = document.recommendations[0].rounds;
    expect(round.evidence).toMatchObject({
      label: "Evidence of Progress (Sept 2022):",
      month: "2022-09",
      dateText: "Sept 2022",
    });
    expect(round.assessment).toMatchObject({
      label: "Assessment of Progress (Sept 2022): (include explanation if required)",
      grade: 3,
      explanation: null,
    });
    expect(round.impact).toMatchObject({ label: "Evidence of Impact (Oct 22):", month: "2022-10", text: "None yet." });
    expect(round.label).toBe("Sept 2022");
  });
});

describe("value cells of several paragraphs, jagged rows and merged cells", () => {
  const document = parse(
    snapshotOf([
      table(
        "Recommendation 1:\tThat schools be encouraged¶to work towards the Benchmarks.",
        "Responsibility:\t\t\tMartin Gray",
        "Date:\tApril 2021\t\t\t",
        "Agreed Action:\tFirst paragraph.¶¶  Second paragraph after a blank one.\tA third cell.",
        "Evidence of Progress (July 2021):\t",
        "\tEvidence typed into the next row.",
        "Assessment of Progress (July 2021):\t2. On track¶Explained in a second paragraph.",
      ),
    ]),
  );
  const [rec] = document.recommendations;

  it("joins a cell's paragraphs by a line break", () => {
    expect(rec.text).toBe("That schools be encouraged\nto work towards the Benchmarks.");
    expect(rec.rounds[0].assessment).toMatchObject({ grade: 2, explanation: "Explained in a second paragraph." });
  });

  it("reads the value from any cell after the label, pointing at the first that has text", () => {
    expect(rec.responsibility).toMatchObject({
      text: "Martin Gray",
      location: { kind: "cell", table: 0, row: 1, cell: 3 },
    });
    expect(rec.targetDate?.text).toBe("April 2021");
  });

  it("drops blank paragraphs but keeps every cell's text in order", () => {
    expect(rec.agreedAction?.text).toBe("First paragraph.\n  Second paragraph after a blank one.\nA third cell.");
  });

  it("moves an empty field's location to where its text turns up", () => {
    expect(rec.rounds[0].evidence).toMatchObject({
      text: "Evidence typed into the next row.",
      location: { kind: "cell", table: 0, row: 5, cell: 1 },
      labelLocation: { kind: "cell", table: 0, row: 4, cell: 0 },
    });
  });

  it("reads a merged one-cell heading row", () => {
    const merged = parse(
      snapshotOf([[[["Recommendation 5: That the Council takes a lead role."]], ...table("Date:\tJuly 2021")]]),
    );
    expect(merged.recommendations[0]).toMatchObject({
      number: "5",
      text: "That the Council takes a lead role.",
      location: { kind: "cell", table: 0, row: 0, cell: 0 },
    });
    expect(merged.recommendations[0].targetDate?.text).toBe("July 2021");
  });
});

describe("rounds", () => {
  it("starts a round at each Evidence of Progress, or at an Assessment or Impact the round already has", () => {
    const document = parse(
      snapshotOf([
        table(
          "Recommendation 1:\tText.",
          "Evidence of Progress (July 2021):\tA",
          "Assessment of Progress (July 2021):\t2",
          "Evidence of Impact (July 2021):\tB",
          "Assessment of Progress (Feb 2022):\t1. Fully achieved",
          "Evidence of Impact (March 2022):\tC",
          "Evidence of Impact (Sept 2022):\tD",
          "Evidence of Progress:\tE",
          "Evidence of Progress:\tF",
        ),
      ]),
    );
    const rounds = document.recommendations[0].rounds;
    expect(rounds.map((r) => [r.index, r.label, r.month])).toEqual([
      [0, "July 2021", "2021-07"],
      [1, "Feb 2022", "2022-02"],
      [2, "Sept 2022", "2022-09"],
      [3, "Update 4", null],
      [4, "Update 5", null],
    ]);
    expect(rounds.map((r) => [r.evidence?.text ?? null, r.assessment?.grade ?? null, r.impact?.text ?? null])).toEqual([
      ["A", 2, "B"],
      [null, 1, "C"],
      [null, null, "D"],
      ["E", null, null],
      ["F", null, null],
    ]);
  });

  it("dates a round by its first dated row, evidence before assessment before impact", () => {
    const document = parse(
      snapshotOf([
        table(
          "Recommendation 1:\tText.",
          "Evidence of Progress:\tA",
          "Assessment of Progress (Feb-23):\t2",
          "Evidence of Impact (January 2023):\tB",
        ),
      ]),
    );
    expect(document.recommendations[0].rounds[0]).toMatchObject({ label: "Feb-23", month: "2023-02" });
  });

  it("keeps a date it cannot read as written: the round is named by it, with no month", () => {
    const document = parse(
      snapshotOf([
        table(
          "Recommendation 1:\tText.",
          "Evidence of Progress (Summer 2021):\tA",
          "Assessment of Progress (Summer 2021):\t2",
          "Evidence of Impact\tB",
          "(Autumn 2021)\tC",
        ),
      ]),
    );
    const [round] = document.recommendations[0].rounds;
    expect(round).toMatchObject({ label: "Summer 2021", month: null });
    expect(round.evidence).toMatchObject({ month: null, dateText: "Summer 2021" });
    expect(round.impact).toMatchObject({
      label: "Evidence of Impact (Autumn 2021)",
      month: null,
      dateText: "Autumn 2021",
      text: "B\nC",
    });
  });

  it("reports a grade written in the Evidence of Progress row, and does not count it", () => {
    const document = parse(
      snapshotOf([
        table(
          "Recommendation 1:\tText.",
          "Evidence of Progress (July 2021):\t3. Slipped because of lockdowns.",
          "Assessment of Progress (July 2021):\tSee above.",
          "Evidence of Impact (July 2021):\t1. We met the heads of all schools.",
        ),
      ]),
    );
    const [round] = document.recommendations[0].rounds;
    expect(round.assessment?.grade).toBeNull();
    expect(round.misplacedGrades).toEqual([
      { part: "evidence", grade: 3, location: { kind: "cell", table: 0, row: 1, cell: 1 } },
    ]);
  });
});

describe("labels and values in paragraphs", () => {
  it("reads a document whose labels are paragraphs, their values the paragraphs after them", () => {
    const document = parse(
      snapshotOf([
        "SCRUTINY MONITORING – PROGRESS UPDATE",
        "Review: Scrutiny Review of Careers Provision",
        "Recommendation 1:",
        "That all schools be encouraged.",
        "Responsibility: Martin Gray",
        "Evidence of Progress (July 2021):",
        "First paragraph of evidence.",
        "Second paragraph of evidence.",
        "Assessment of Progress (July 2021): 2. On track",
        "",
        "Evidence of Impact (August 21): Too early to say.",
      ]),
    );
    expect(document.title).toBe("SCRUTINY MONITORING – PROGRESS UPDATE");
    expect(document.review).toMatchObject({
      text: "Scrutiny Review of Careers Provision",
      labelLocation: null,
      location: { kind: "paragraph", paragraph: 1 },
    });
    const [rec] = document.recommendations;
    expect(rec).toMatchObject({
      number: "1",
      text: "That all schools be encouraged.",
      location: { kind: "paragraph", paragraph: 2 },
    });
    expect(rec.responsibility?.text).toBe("Martin Gray");
    const [round] = rec.rounds;
    expect(round.evidence?.text).toBe("First paragraph of evidence.\nSecond paragraph of evidence.");
    expect(round.evidence?.location).toEqual({ kind: "paragraph", paragraph: 6 });
    expect(round.assessment).toMatchObject({ grade: 2, month: "2021-07" });
    expect(round.impact).toMatchObject({ text: "Too early to say.", month: "2021-08" });
    expect(document.unrecognised).toEqual([]);
  });
});

describe("what the parser does not understand", () => {
  it("reports unplaced rows and paragraphs with where they are, and skips punctuation quietly", () => {
    const document = parse(
      snapshotOf([
        "Appendix 1",
        table(
          "Recommendation 1:\tText.",
          "--\t",
          "Evidence of Progress (July 2021):\tA",
          "Something odd\tWith a value",
        ),
        "•",
        "A stray paragraph between tables.",
        table("\tAn orphan continuation."),
      ]),
    );
    expect(document.unrecognised).toEqual([
      { text: "Appendix 1", location: { kind: "paragraph", paragraph: 0 }, recommendation: null },
      {
        text: "Something odd\tWith a value",
        location: { kind: "cell", table: 0, row: 3, cell: 0 },
        recommendation: "1",
      },
      {
        text: "A stray paragraph between tables.",
        location: { kind: "paragraph", paragraph: 10 },
        recommendation: "1",
      },
      { text: "An orphan continuation.", location: { kind: "cell", table: 1, row: 0, cell: 1 }, recommendation: "1" },
    ]);
    // The noise did not take the evidence's place or text.
    expect(document.recommendations[0].rounds[0].evidence?.text).toBe("A");
  });

  it("reports round rows found before any recommendation", () => {
    const document = parse(snapshotOf([table("Evidence of Progress (July 2021):\tA", "Date:\tApril 2021")]));
    expect(document.recommendations).toEqual([]);
    expect(document.unrecognised.map((u) => [u.text, u.recommendation])).toEqual([
      ["Evidence of Progress (July 2021):\tA", null],
      ["Date:\tApril 2021", null],
    ]);
  });

  it("recognises a grading key at the top, and one laid out down the page", () => {
    const document = parse(
      snapshotOf([
        table(
          "Assessment of Progress Gradings:\t",
          "1\tFully Achieved",
          "2\tOn-Track",
          "3\tSlipped",
          "4\tNot Achieved",
        ),
        "",
        table("Recommendation 1:\tText.", "Assessment of Progress (July 2021):\t4. Not achieved"),
      ]),
    );
    expect(document.gradingKey).toEqual({ kind: "cell", table: 0, row: 0, cell: 0 });
    expect(document.unrecognised).toEqual([]);
    expect(document.recommendations[0].rounds[0].assessment?.grade).toBe(4);
  });

  it("recognises the key written as a sentence, even after a paragraph field", () => {
    const document = parse(
      snapshotOf([
        "Recommendation 1: Text.",
        "Evidence of Impact (July 2021): Too early.",
        "Key: 1 = Fully Achieved, 2 = On-Track, 3 = Slipped, 4 = Not Achieved",
      ]),
    );
    expect(document.gradingKey).toEqual({ kind: "paragraph", paragraph: 2 });
    expect(document.recommendations[0].rounds[0].impact?.text).toBe("Too early.");
    expect(document.unrecognised).toEqual([]);
  });

  it("returns an empty document for an empty snapshot", () => {
    expect(parse({ blocks: [] })).toEqual({
      title: null,
      review: null,
      linkOfficers: null,
      actionPlanAgreed: null,
      recommendations: [],
      gradingKey: null,
      gradeNames: GRADE_NAMES,
      unrecognised: [],
      layout: "rows",
    });
  });
});

describe("synthetic documents", () => {
  it.each([1, 2, 3])("reads the numbers, grades and months the generator wrote (seed %i)", (seed) => {
    const generated = syntheticDocument({ recommendations: 40, rounds: 4, gradeMissingEvery: 7, seed });
    const document = parse(generated.snapshot);
    expect(document.recommendations.map((r) => r.number)).toEqual(generated.facts.numbers);
    expect(document.recommendations.map((r) => r.rounds.map((round) => round.assessment?.grade ?? null))).toEqual(
      generated.facts.grades,
    );
    for (const r of document.recommendations)
      expect(r.rounds.map((round) => round.month)).toEqual(generated.facts.months);
    expect(document.unrecognised).toEqual([]);
    expect(document.gradingKey).not.toBeNull();
  });
});
