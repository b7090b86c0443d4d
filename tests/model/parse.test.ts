import { parse } from "../../src/model/parse";
import type { MonitoringDocument, Recommendation } from "../../src/model/types";
import { realSnapshot, snapshotFromText } from "../helpers/text-snapshot";

const grades = (r: Recommendation) => r.rounds.map((round) => round.assessment?.grade ?? null);

describe("parse: careers provision (the first real document)", () => {
  let document: MonitoringDocument;
  beforeAll(() => {
    document = parse(realSnapshot("careersProvision"));
  });
  const rec = (number: string): Recommendation => {
    const found = document.recommendations.find((r) => r.number === number);
    if (!found) throw new Error(`no recommendation ${number}`);
    return found;
  };

  it("reads the title and the header table", () => {
    expect(document.title).toBe("SCRUTINY MONITORING – PROGRESS UPDATE");
    expect(document.review).toEqual({
      label: "Review:",
      text: "Scrutiny Review of Careers Provision",
      location: { kind: "cell", table: 0, row: 1, cell: 1 },
      labelLocation: { kind: "cell", table: 0, row: 1, cell: 0 },
    });
    expect(document.linkOfficers?.text).toBe("David Willingham/ Ian Caley");
    expect(document.actionPlanAgreed?.text).toBe("August 2020");
    expect(document.layout).toBe("rows");
  });

  it("finds recommendations 1–7, one round each, graded 2, none, 2, 2, 2, 3, 1", () => {
    expect(document.recommendations.map((r) => r.number)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(document.recommendations.map((r) => r.rounds.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(document.recommendations.map((r) => grades(r)[0])).toEqual([2, null, 2, 2, 2, 3, 1]);
  });

  it("reads recommendation 1's fields and its round's months and explanation", () => {
    const r = rec("1");
    expect(r.text).toMatch(/^That, recognising that a strong careers programme/);
    expect(r.location).toEqual({ kind: "cell", table: 1, row: 0, cell: 0 });
    expect(r.responsibility?.text).toBe("Martin Gray / Eddie Huntington & Secondary schools");
    expect(r.targetDate?.text).toBe("April 2021");
    expect(r.agreedAction?.label).toBe("Agreed Action:");
    expect(r.successMeasure?.label).toBe("Agreed Success Measure:");
    expect(r.successMeasure?.text).toMatch(/^Achievement of Benchmarks 1-8/);
    const [round] = r.rounds;
    expect(round).toMatchObject({ index: 0, label: "July 2021", month: "2021-07" });
    expect(round.evidence).toMatchObject({
      month: "2021-07",
      dateText: "July 2021",
      label: "Evidence of Progress (July 2021):",
    });
    expect(round.assessment).toMatchObject({
      month: "2021-07",
      grade: 2,
      label: "Assessment of Progress (July 2021): (include explanation if required)",
    });
    expect(round.assessment?.explanation).toMatch(/^Largely met\. Stockton schools have continued/);
    expect(round.impact).toMatchObject({ month: "2021-08", dateText: "August 21" });
    // "(November 21)" inside the impact text is content, not a date.
    expect(round.impact?.text).toMatch(/Destinations data \(November 21\)$/);
    expect(round.misplacedGrades).toEqual([]);
  });

  it("does not take recommendation 2's grade from its Evidence of Impact row, and reports it as misplaced", () => {
    const [round] = rec("2").rounds;
    expect(round.assessment?.grade).toBeNull();
    expect(round.assessment?.explanation).toBe(round.assessment?.text);
    expect(round.assessment?.explanation).toMatch(/^All schools and colleges have responded positively/);
    expect(round.misplacedGrades).toEqual([
      { part: "impact", grade: 2, location: { kind: "cell", table: 3, row: 9, cell: 1 } },
    ]);
    expect(round.impact?.text).toMatch(/^2\. Largely met\. Destinations data/);
  });

  it("continues a field on rows whose label cell is empty", () => {
    const r = rec("2");
    expect(r.agreedAction?.text).toMatch(/available from a range of providers including but\nnot exclusively SBC$/);
    expect(r.agreedAction?.location).toEqual({ kind: "cell", table: 3, row: 3, cell: 1 });
    expect(r.successMeasure?.text).toBe(
      "All schools contacted and have responded\nAll schools deliver an element of impartial careers advice and guidance",
    );
    expect(rec("3").agreedAction?.text.split("\n")).toHaveLength(3);
    expect(rec("4").responsibility?.text).toBe("David Willingham/Eddie Huntington\nCareers Enterprise Company");
  });

  it("continues a value across an empty paragraph that split its table (recommendation 5's evidence)", () => {
    const text = rec("5").rounds[0].evidence?.text ?? "";
    expect(text).toMatch(/Creative industries, Biology,\nBusiness Studies, Mock interviews/);
    expect(text).toMatch(/and with SBC staff\.$/);
  });

  it("reads recommendation 3's heading from a paragraph, markup stripped, and its table after the '--'", () => {
    const r = rec("3");
    expect(r.text).toBe(
      "That governing bodies be encouraged to identify a lead from senior management teams and a governor lead to champion careers provision and support the school to work towards meeting the Gatsby Benchmarks.",
    );
    expect(r.location).toEqual({ kind: "paragraph", paragraph: 50 });
    expect(r.responsibility?.text).toBe(
      "Martin Gray / Eddie Huntington/ Governor Support Service/ Schools and colleges",
    );
    expect(r.targetDate?.text).toBe("July 2021");
    expect(r.rounds[0].assessment).toMatchObject({
      grade: 2,
      explanation: "Further progress hampered by COVID restrictions.",
    });
  });

  it("dates recommendation 7's round by its evidence, keeps the undated impact label", () => {
    const [round] = rec("7").rounds;
    expect(round.label).toBe("March 21");
    expect(round.month).toBe("2021-03");
    expect(round.evidence?.month).toBe("2021-03");
    expect(round.assessment).toMatchObject({
      month: "2021-08",
      dateText: "August 21",
      grade: 1,
      explanation: null,
      text: "1.",
    });
    expect(round.impact).toMatchObject({ label: "Evidence of Impact", month: null, dateText: null });
    expect(round.impact?.text).toMatch(/^Destinations data as above;/);
    expect(round.impact?.location).toEqual({ kind: "cell", table: 10, row: 8, cell: 1 });
    expect(round.impact?.labelLocation).toEqual({ kind: "cell", table: 10, row: 8, cell: 0 });
  });

  it("recognises the grading key and leaves nothing unrecognised", () => {
    expect(document.gradingKey).toEqual({ kind: "cell", table: 11, row: 0, cell: 0 });
    expect(document.unrecognised).toEqual([]);
    // The key's grade names are not read into recommendation 7's impact.
    expect(rec("7").rounds[0].impact?.text).not.toMatch(/Fully Achieved|Gradings/);
  });
});

describe("parse: care leavers EET (the second real document)", () => {
  let document: MonitoringDocument;
  beforeAll(() => {
    document = parse(realSnapshot("careLeaversEet"));
  });
  const rec = (number: string): Recommendation => {
    const found = document.recommendations.find((r) => r.number === number);
    if (!found) throw new Error(`no recommendation ${number}`);
    return found;
  };

  it("reads the header", () => {
    expect(document.title).toBe("SCRUTINY MONITORING – PROGRESS UPDATE");
    expect(document.review?.text).toBe("Scrutiny Review of Care Leavers EET");
    expect(document.linkOfficers?.text).toBe("David Willingham");
    expect(document.actionPlanAgreed?.text).toBe("September 2021");
  });

  it("keeps the numbers as written, with their gaps", () => {
    expect(document.recommendations.map((r) => r.number)).toEqual(["2", "6", "7"]);
  });

  it("finds three rounds in each, dated September 2022, February 2023 and November 2023", () => {
    for (const r of document.recommendations) {
      expect(r.rounds.map((round) => round.month)).toEqual(["2022-09", "2023-02", "2023-11"]);
      expect(r.rounds.map((round) => round.label)).toEqual(["September 2022", "February 2023", "November 2023"]);
      expect(r.rounds.map((round) => round.index)).toEqual([0, 1, 2]);
      for (const round of r.rounds) {
        expect([round.evidence?.month, round.assessment?.month, round.impact?.month]).toEqual([
          round.month,
          round.month,
          round.month,
        ]);
        expect(round.misplacedGrades).toEqual([]);
      }
    }
  });

  it("reads the grades: 2,2,1 / 2,3,1 / 2,3,2", () => {
    expect(grades(rec("2"))).toEqual([2, 2, 1]);
    expect(grades(rec("6"))).toEqual([2, 3, 1]);
    expect(grades(rec("7"))).toEqual([2, 3, 2]);
  });

  it("separates the grade phrase from the explanation", () => {
    expect(rec("2").rounds[0].assessment).toMatchObject({ text: "2. On track", explanation: null });
    expect(rec("2").rounds[2].assessment?.explanation).toMatch(/^Progression Advisers work with Personal Advisers/);
    expect(rec("7").rounds[1].assessment?.explanation).toMatch(/^The co-production of the CIOC\/CL strategy/);
    expect(rec("7").rounds[2].assessment?.explanation).toMatch(/^This is a council wide response/);
  });

  it("continues an assessment on a '(include explanation if required)' row: its text is explanation", () => {
    const assessment = rec("2").rounds[1].assessment;
    expect(assessment?.label).toBe("Assessment of Progress (February 2023): (include explanation if required)");
    expect(assessment?.text).toMatch(/^2\. On track\nEarly signs of impact, communication between workers/);
    expect(assessment?.explanation).toMatch(/^Early signs of impact/);
    expect(assessment?.grade).toBe(2);
  });

  it("takes the date of a wrapped Assessment label from its continuation row", () => {
    const assessment = rec("6").rounds[1].assessment;
    expect(assessment).toMatchObject({
      label: "Assessment of Progress (February 2023): (include explanation if required)",
      month: "2023-02",
      dateText: "February 2023",
      grade: 3,
    });
    expect(assessment?.explanation?.split("\n")).toEqual([
      expect.stringMatching(/^Further work to do on work experience/),
      "Further work will be within the workplan from the CIOC/CL Strategy.",
      expect.stringMatching(/^Service Lead – Children and Young People/),
    ]);
  });

  it("keeps the garbled '(i ebituary 2023).' row as part of the February 2023 impact", () => {
    const impact = rec("2").rounds[1].impact;
    expect(impact?.text).toBe(
      "Gradual increase in young people moving towards EET. Current figures are:\n17/18 years = 67% 19 years = 66%",
    );
    expect(impact?.month).toBe("2023-02");
  });

  it("reports 'December detion 0' as unrecognised, where it is, and parses recommendation 6 after it", () => {
    expect(document.unrecognised).toEqual([
      { text: "December detion 0", location: { kind: "cell", table: 2, row: 9, cell: 0 }, recommendation: "2" },
    ]);
    expect(rec("2").rounds[2].impact?.text).toMatch(
      /remove some of the barriers and provide opportunities to accessing EET\.$/,
    );
    expect(rec("6").text).toMatch(/^Has a corporate commitment/);
    expect(rec("6").targetDate?.text).toBe(
      "Apprenticeships within SBC. 3 by April 2022 and minimum of 5 by April 2023",
    );
  });

  it("recognises the grading key, whose last row is not a grade", () => {
    expect(document.gradingKey).toEqual({ kind: "cell", table: 6, row: 0, cell: 0 });
    const last = rec("7").rounds[2];
    expect(last.impact?.text).toBe(
      "Children's Services have the evidence of how this has been successful, and we need to use this as the blueprint across the council.",
    );
    expect(last.assessment?.grade).toBe(2);
  });

  it("does not read prose such as '2 young people…' or '3 x care experienced…' as grades", () => {
    expect(rec("6").rounds[0].evidence?.text).toMatch(/^3 x care experienced/);
    expect(rec("6").rounds[1].impact?.text).toBe("2 young people have maintained their apprenticeship.");
    expect(rec("6").rounds.flatMap((round) => round.misplacedGrades)).toEqual([]);
  });

  it("joins a cell's value across extra empty cells of jagged rows, without trailing space", () => {
    expect(rec("2").responsibility?.text).toBe("David Willingham");
    expect(rec("2").responsibility?.location).toEqual({ kind: "cell", table: 1, row: 1, cell: 1 });
  });
});

describe("parse: each recommendation is complete once the next heading is read", () => {
  it("adds continuation rows and repeated labels to the recommendation they follow, whatever the layout before", () => {
    const document = parse(
      snapshotFromText(
        [
          "No.\tRecommendation\tResponsibility\tProgress (July 2021)\tAssessment of progress 1-4",
          "1\tThat the council reviews its offer.\tJo Bloggs\tThe offer was reviewed.\t2. On track",
          "",
          "Responsibility:\tSam Smith",
          "--\tand the virtual school",
          "",
          "Recommendation 2:\tThat schools share destinations data.",
          "Responsibility:\tAli Khan",
          "Evidence of Progress (July 2021):\tData is now shared termly.",
          "\tWith every school in the borough.",
          "Responsibility:\tand Kim Lee",
          "Recommendation 3:\tThat employers are engaged.",
          "•\tA continuation after the heading.",
        ].join("\n"),
      ),
    );
    expect(document.layout).toBe("columns");
    expect(document.recommendations.map((recommendation) => recommendation.number)).toEqual(["1", "2", "3"]);
    const [first, second, third] = document.recommendations;
    expect(first.responsibility?.text).toBe("Jo Bloggs\nSam Smith\nand the virtual school");
    expect(first.rounds).toHaveLength(1);
    expect(second.responsibility?.text).toBe("Ali Khan\nand Kim Lee");
    expect(second.rounds[0].evidence?.text).toBe("Data is now shared termly.\nWith every school in the borough.");
    expect(third.text).toBe("That employers are engaged.\nA continuation after the heading.");
    expect(third.rounds).toEqual([]);
  });
});
