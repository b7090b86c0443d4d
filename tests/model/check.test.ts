import { analyse, totals } from "../../src/model";
import { check } from "../../src/model/check";
import { FINDING_CODES } from "../../src/model/findings";
import { isPlaceholderText } from "../../src/model/placeholders";
import type { Finding, MonitoringDocument } from "../../src/model/types";
import {
  buildDocument,
  careLeaversLike,
  careersLike,
  gradedRounds,
  type DocumentSpec,
  type RoundSpec,
} from "../helpers/model-builder";
import { realSnapshot } from "../helpers/text-snapshot";
import { layout } from "../fixtures/layouts";

function findingsFor(spec: DocumentSpec): Finding[] {
  return check(buildDocument(spec));
}

function codes(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.severity} ${finding.code}${finding.recommendation ? ` ${finding.recommendation}` : ""}`);
}

function one(findings: Finding[], code: string): Finding {
  const matching = findings.filter((finding) => finding.code === code);
  expect(matching).toHaveLength(1);
  return matching[0];
}

/** One recommendation with the given rounds, beside a second that is complete in the same months. */
function withRounds(rounds: RoundSpec[]): DocumentSpec {
  return {
    recommendations: [
      { number: "1", rounds },
      { number: "2", rounds: rounds.map((round) => ({ month: round.month })) },
    ],
  };
}

const months = ["2022-09", "2023-02"];

describe("check: a complete document", () => {
  it("finds nothing", () => {
    expect(findingsFor({ recommendations: careLeaversLike() })).toEqual([]);
  });

  it("finds nothing in something that is not a monitoring document", () => {
    const blank: MonitoringDocument = { ...buildDocument({ review: null }), title: null };
    expect(check(blank)).toEqual([]);
  });
});

describe("check: gaps in rounds", () => {
  it("raises missing evidence, grade and impact as errors in the latest round, naming recommendation and round", () => {
    const findings = findingsFor(withRounds([{ month: "2022-09", evidence: "", assessment: "", impact: null }]));
    expect(codes(findings)).toEqual(["error missing-evidence 1", "error missing-impact 1", "error missing-grade 1"]);
    const document = buildDocument(withRounds([{ month: "2022-09", evidence: "", assessment: "" }]));
    const evidence = document.recommendations[0].rounds[0].evidence;
    expect(one(findings, "missing-evidence")).toEqual({
      severity: "error",
      code: "missing-evidence",
      message: "Recommendation 1 (September 2022 update): Evidence of Progress is empty.",
      detail: "Evidence of Progress is empty.",
      recommendation: "1",
      round: "September 2022",
      location: evidence?.location,
    });
    expect(one(findings, "missing-impact").message).toBe("Recommendation 1 (September 2022 update): no Evidence of Impact row.");
    expect(one(findings, "missing-grade").message).toBe(
      "Recommendation 1 (September 2022 update): Assessment of Progress is empty.",
    );
  });

  it("raises the same gaps in earlier rounds as warnings", () => {
    const findings = findingsFor(
      withRounds([{ month: "2022-09", evidence: "", assessment: "Work goes on.", impact: "  " }, { month: "2023-02" }]),
    );
    expect(codes(findings)).toEqual(["warning missing-evidence 1", "warning missing-impact 1", "warning missing-grade 1"]);
    expect(one(findings, "missing-grade").message).toBe(
      "Recommendation 1 (September 2022 update): no grade in Assessment of Progress. Start it with a grade from 1 (Fully Achieved) to 4 (Not Achieved).",
    );
  });

  it("reports a grade written in Evidence of Impact instead of the Assessment as one error, at the grade", () => {
    const findings = findingsFor({ recommendations: careersLike() });
    const missing = findings.filter((finding) => finding.recommendation === "2");
    expect(codes(missing)).toEqual(["error missing-grade 2"]);
    expect(missing[0].message).toMatch(
      /^Recommendation 2 \(July 2021 update\): the grade is written in Evidence of Impact \(“.+”\), where it does not count\. Move it to the start of Assessment of Progress \(grade 2: On-Track\)\.$/,
    );
    const impact = buildDocument({ recommendations: careersLike() }).recommendations[1].rounds[0].impact;
    expect(missing[0].location).toEqual(impact?.location);
  });

  it("reports a grade in Evidence of Progress beside a graded assessment as one to remove", () => {
    const findings = findingsFor(
      withRounds([{ month: "2022-09", evidence: "1. Fully achieved: all schools took part.", misplaced: [{ part: "evidence", grade: 1 }] }]),
    );
    expect(codes(findings)).toEqual(["warning grade-in-wrong-row 1"]);
    expect(findings[0].message).toBe(
      "Recommendation 1 (September 2022 update): Evidence of Progress holds a grade 1 as well as the grade in Assessment of Progress. Remove it from Evidence of Progress.",
    );
  });

  it("treats a dash or template text as missing", () => {
    const findings = findingsFor(
      withRounds([{ month: "2022-09", evidence: "-", impact: "Click or tap here to enter text." }]),
    );
    // One finding per fault: the impact's template text is the reason it is missing, not a second finding.
    expect(codes(findings)).toEqual(["error missing-evidence 1", "error missing-impact 1"]);
    expect(one(findings, "missing-impact").message).toBe(
      "Recommendation 1 (September 2022 update): Evidence of Impact only holds template text (“Click or tap here to enter text.”).",
    );
  });

  it("wants an explanation for a grade of 3 or 4, but not for 1 or 2", () => {
    const findings = findingsFor({
      recommendations: [
        { number: "1", rounds: [{ month: "2022-09", assessment: "3. Slipped" }, { month: "2023-02", assessment: "4." }] },
        { number: "2", rounds: [{ month: "2022-09", assessment: "1." }, { month: "2023-02", assessment: "3. Slipped: staff left in May." }] },
        { number: "3", rounds: [{ month: "2022-09", assessment: "2." }, { month: "2023-02", assessment: "4", explanation: "(include explanation if required)" }] },
      ],
    });
    expect(codes(findings)).toEqual(["error no-explanation 1", "warning no-explanation 1", "error no-explanation 3"]);
    expect(findings[0].message).toBe(
      "Recommendation 1 (February 2023 update): a grade of 4 (Not Achieved) is given with no explanation. Say why, and what is being done about it.",
    );
    expect(findings[2].message).toBe(
      "Recommendation 3 (February 2023 update): a grade of 4 (Not Achieved) is given with no explanation (only the template text “(include explanation if required)”). Say why, and what is being done about it.",
    );
  });

  it("reports template text left beside a grade of 1 or 2 once", () => {
    const findings = findingsFor(withRounds([{ month: "2022-09", assessment: "2", explanation: "(include explanation if required)" }]));
    expect(codes(findings)).toEqual(["warning template-text 1"]);
  });
});

describe("check: rounds across recommendations", () => {
  it("gives a document with no rounds yet one info finding", () => {
    const findings = findingsFor({ recommendations: [{ number: "1" }, { number: "2" }, { number: "3" }] });
    expect(codes(findings)).toEqual(["info no-rounds-yet"]);
    expect(findings[0].location).toEqual(buildDocument({ recommendations: [{ number: "1" }] }).recommendations[0].location);
  });

  it("reports a recommendation with no round while others have one, at its heading", () => {
    const document = buildDocument({ recommendations: [{ number: "1", rounds: gradedRounds(months, [2, 2]) }, { number: "2" }] });
    const finding = one(check(document), "no-rounds");
    expect(finding).toMatchObject({ severity: "error", recommendation: "2", location: document.recommendations[1].location });
    expect(finding.message).toMatch(/^Recommendation 2: no progress update, while other recommendations have one\./);
  });

  it("reports a recommendation missing from the newest round", () => {
    const document = buildDocument({
      recommendations: [
        { number: "1", rounds: gradedRounds(months, [2, 2]) },
        { number: "4", rounds: gradedRounds(["2022-09"], [2]) },
      ],
    });
    const finding = one(check(document), "not-updated");
    expect(finding).toMatchObject({ severity: "warning", recommendation: "4", location: document.recommendations[1].location });
    expect(finding.message).toBe(
      "Recommendation 4: not updated in February 2023, the newest update; its last update is September 2022.",
    );
  });

  it("does not call one update dated March, July and August 2021 on different recommendations not updated", () => {
    const findings = findingsFor({ recommendations: careersLike() });
    expect(findings.filter((finding) => finding.code === "not-updated")).toEqual([]);
  });

  it("reports a round dated before the round above it, and one with the same month", () => {
    const findings = findingsFor({
      recommendations: [{ number: "1", rounds: [{ month: "2023-02" }, { month: "2022-09" }, { month: "2022-09" }] }],
    });
    const outOfOrder = one(findings, "rounds-out-of-order");
    expect(outOfOrder.message).toBe(
      "Recommendation 1 (September 2022 update): labelled September 2022, earlier than the update above it (February 2023). Check the date, or move this update.",
    );
    const document = buildDocument({ recommendations: [{ number: "1", rounds: [{ month: "2023-02" }, { month: "2022-09" }] }] });
    expect(outOfOrder.location).toEqual(document.recommendations[0].rounds[1].evidence?.labelLocation);
    expect(one(findings, "repeated-round-date").severity).toBe("warning");
  });
});

describe("check: labels", () => {
  it("reports a row whose label has no date, at its label", () => {
    const document = buildDocument({ recommendations: careersLike() });
    const findings = check(document).filter((finding) => finding.code === "label-without-date");
    expect(findings).toHaveLength(1);
    // Named by its update's month (the careers update's most common month), whatever its rows say.
    expect(findings[0].message).toBe(
      "Recommendation 7 (July 2021 update): Evidence of Impact has no date in its label; Evidence of Progress says March 2021 and Assessment of Progress says August 2021.",
    );
    expect(findings[0].detail).toBe(
      "Evidence of Impact has no date in its label; Evidence of Progress says March 2021 and Assessment of Progress says August 2021.",
    );
    expect(findings[0].location).toEqual(document.recommendations[6].rounds[0].impact?.labelLocation);
  });

  it("reports a round with no dates at all once, and an unreadable date as written", () => {
    const findings = findingsFor({
      recommendations: [
        { number: "1", rounds: [{ month: null }] },
        { number: "2", rounds: [{ month: "2022-09", impactMonth: { month: null, dateText: "i ebituary 2023" } }] },
      ],
    });
    const labels = findings.filter((finding) => finding.code === "label-without-date");
    expect(labels.map((finding) => finding.message)).toEqual([
      "Recommendation 1 (September 2022 update): its labels have no date. Add the month of this update, e.g. “Evidence of Progress (September 2022):”.",
      "Recommendation 2 (September 2022 update): the date “i ebituary 2023” in Evidence of Impact's label is not a month and year the checker can read.",
    ]);
  });

  it("reports a row dated differently from its round", () => {
    const findings = findingsFor({ recommendations: careersLike() });
    const mismatches = findings.filter((finding) => finding.code === "label-date-mismatch");
    expect(mismatches.map((finding) => finding.recommendation)).toEqual(["1", "3", "7"]);
    expect(mismatches[0].message).toBe(
      "Recommendation 1 (July 2021 update): Evidence of Impact is labelled August 2021; the rest of this update says July 2021.",
    );
    expect(mismatches[2].detail).toBe("Assessment of Progress is labelled August 2021; Evidence of Progress says March 2021.");
  });

  it("leaves labels, and an impact column the layout does not have, alone in the older column layout", () => {
    const rounds: RoundSpec[] = [{ month: null, impact: null }];
    expect(findingsFor({ layout: "columns", recommendations: [{ number: "1", rounds }] })).toEqual([]);
    expect(codes(findingsFor({ layout: "rows", recommendations: [{ number: "1", rounds }] }))).toEqual([
      "error missing-impact 1",
      "warning label-without-date 1",
    ]);
    const emptyImpact: RoundSpec[] = [{ month: null, impact: "" }];
    expect(codes(findingsFor({ layout: "columns", recommendations: [{ number: "1", rounds: emptyImpact }] }))).toEqual([
      "error missing-impact 1",
    ]);
  });
});

describe("check: copied text", () => {
  const impact = "The review is complete and we have a new team who are keen to embed this work.";

  it("reports impact copied word for word from another recommendation, on the copy", () => {
    const findings = findingsFor({
      recommendations: [
        { number: "2", rounds: [{ month: "2022-09", impact }] },
        { number: "6", rounds: [{ month: "2022-09" }] },
        { number: "7", rounds: [{ month: "2022-09", impact: impact.toUpperCase().replace(" and ", "\nand ").replace(/\.$/, "") }] },
      ],
    });
    const copied = one(findings, "copied-impact");
    expect(copied).toMatchObject({ severity: "warning", recommendation: "7", round: "September 2022" });
    expect(copied.message).toBe(
      "Recommendation 7 (September 2022 update): Evidence of Impact is word for word the same as Recommendation 2 (September 2022 update). Describe the impact of this recommendation.",
    );
  });

  it("does not call different words a copy", () => {
    const findings = findingsFor({
      recommendations: [
        { number: "2", rounds: [{ month: "2022-09", impact }] },
        { number: "7", rounds: [{ month: "2022-09", impact: impact.replace("new team", "new group") }] },
      ],
    });
    expect(findings).toEqual([]);
  });

  it("finds copies however the text is written: accents, other scripts, letters that lower-case to ASCII", () => {
    const accented = "Élan shown by the new Ørsted team, who are keen to embed this work.";
    // U+212A KELVIN SIGN lower-cases to an ASCII "k": the copy of an all-ASCII text.
    const plain = "The kelvin readings are now taken by the whole team every week.";
    const findings = findingsFor({
      recommendations: [
        { number: "1", rounds: [{ month: "2022-09", impact: accented }] },
        { number: "2", rounds: [{ month: "2022-09", impact: plain }] },
        { number: "3", rounds: [{ month: "2022-09", impact: accented.toUpperCase().replace(" team,", "\nteam,") }] },
        { number: "4", rounds: [{ month: "2022-09", impact: plain.replace("kelvin", "\u212Aelvin").replace(/\.$/, "") }] },
        { number: "5", rounds: [{ month: "2022-09", impact: plain.replace("week", "month") }] },
      ],
    });
    expect(codes(findings.filter((finding) => finding.code === "copied-impact"))).toEqual([
      "warning copied-impact 3",
      "warning copied-impact 4",
    ]);
    expect(findings.find((finding) => finding.recommendation === "4")?.message).toMatch(/same as Recommendation 2 /);
  });

  it("tells apart many different impacts, and reports each copy once on every later copy", () => {
    const sentence = (n: number): string => `Impact number ${n} was recorded by the team in its report.`;
    const recommendations = Array.from({ length: 300 }, (_, i) => ({
      number: String(i + 1),
      rounds: [{ month: "2022-09", impact: sentence(i % 250) }],
    }));
    const copied = findingsFor({ recommendations }).filter((finding) => finding.code === "copied-impact");
    expect(copied.map((finding) => finding.recommendation)).toEqual(
      Array.from({ length: 50 }, (_, i) => String(i + 251)),
    );
    expect(copied[0].message).toMatch(/same as Recommendation 1 /);
  });

  it("tells apart impacts of the same length that differ only here and there", () => {
    const first = "The new careers team has met every school in the borough this term.";
    // Same length, a letter different near the start and one near the end: as the index reads them, the same.
    const near = "Tha new careers team has met every school in the borough thus term.";
    const findings = findingsFor({
      recommendations: [
        { number: "1", rounds: [{ month: "2022-09", impact: near }] },
        { number: "2", rounds: [{ month: "2022-09", impact: first }] },
        { number: "3", rounds: [{ month: "2022-09", impact: first.toLowerCase() }] },
      ],
    });
    const copied = one(findings, "copied-impact");
    expect(copied.recommendation).toBe("3");
    expect(copied.message).toMatch(/same as Recommendation 2 /);
  });

  it("ignores short impact texts, and says “As above.” should name what it means", () => {
    const findings = findingsFor({
      recommendations: [
        { number: "5", rounds: [{ month: "2022-09", impact: "As above." }] },
        { number: "6", rounds: [{ month: "2022-09", impact: "As above." }] },
      ],
    });
    expect(codes(findings)).toEqual(["info as-above 5", "info as-above 6"]);
  });

  it("reports evidence copied unchanged from the round before", () => {
    const evidence = "Three care experienced young people are in apprenticeships within the council.";
    const findings = findingsFor(withRounds([{ month: "2022-09", evidence }, { month: "2023-02", evidence }]));
    const copied = one(findings, "copied-from-last-round");
    expect(copied.round).toBe("February 2023");
    expect(copied.message).toMatch(/Evidence of Progress is word for word the same as in the update before \(September 2022\)/);
  });
});

describe("check: header and template text", () => {
  it("reports a missing review name, link officer and action-plan date first", () => {
    const findings = findingsFor({
      review: "",
      linkOfficers: null,
      actionPlanAgreed: "TBC",
      recommendations: [{ number: "1", rounds: [{ month: "2022-09", evidence: "" }] }],
    });
    expect(codes(findings)).toEqual([
      "warning missing-review",
      "warning missing-link-officer",
      "warning missing-action-plan-date",
      "warning template-text",
      "error missing-evidence 1",
    ]);
    expect(findings[1].location).toBeNull();
    expect(findings[3].message).toBe("Action Plan Agreed still holds the template text “TBC”.");
  });

  it("wants a date in Action Plan Agreed", () => {
    const findings = findingsFor({ actionPlanAgreed: "At the committee", recommendations: careLeaversLike() });
    expect(one(findings, "missing-action-plan-date").message).toBe(
      "Action Plan Agreed says “At the committee”, which is not a date: give the month and year.",
    );
    expect(findingsFor({ actionPlanAgreed: "Aug 20", recommendations: careLeaversLike() })).toEqual([]);
  });

  it.each([
    "(include explanation if required)",
    "Click or tap here to enter text.",
    "Choose an item.",
    "[Enter text]",
    "Insert text here",
    "TBC",
    "xx",
    "XX/XX/XXXX",
    "<date>",
  ])("calls %p template text", (text) => {
    expect(isPlaceholderText(text)).toBe(true);
  });

  it.each(["N/A", "None yet.", "2 young people started", "TBC by the council in March: 12 schools", "Text to be added"])(
    "does not call %p template text",
    (text) => {
      expect(isPlaceholderText(text)).toBe(false);
    },
  );
});

describe("check: order and codes", () => {
  it("orders document findings first, then by recommendation, errors before warnings before info", () => {
    const findings = findingsFor({
      review: "",
      recommendations: [
        { number: "1", rounds: [{ month: "2022-09", impact: "As above." }, { month: "2023-02", impactMonth: null, evidence: "" }] },
        { number: "2", rounds: [{ month: "2022-09", evidence: "" }, { month: "2023-02" }] },
      ],
      unrecognised: [
        { text: "December detion 0", recommendation: "1" },
        { text: "--", recommendation: null },
      ],
    });
    expect(codes(findings)).toEqual([
      "warning missing-review",
      "info unrecognised-row",
      "error missing-evidence 1",
      "warning label-without-date 1",
      "info as-above 1",
      "info unrecognised-row 1",
      "warning missing-evidence 2",
    ]);
    expect(findings[5].message).toBe(
      "Recommendation 1: a row reads “December detion 0”, which is not one of the monitoring template's rows (such as Evidence of Progress), so nothing in it was checked. If it belongs to an update, give it that row's label; if not, remove it.",
    );
  });

  it("raises every code it describes, only with the severities it describes", () => {
    const impact = "The review is complete and we have a new team who are keen to embed this work.";
    const all = [
      ...findingsFor({ recommendations: careersLike() }),
      ...findingsFor({ recommendations: [{ number: "1" }] }),
      ...findingsFor({
        review: "",
        linkOfficers: "",
        actionPlanAgreed: "TBC",
        unrecognised: [{ text: "--", recommendation: null }],
        recommendations: [
          {
            number: "1",
            rounds: [
              { month: "2023-02", evidence: "", assessment: "4.", impact },
              { month: "2022-09", evidence: "Click or tap here to enter text.", assessment: "3.", impact: "" },
              { month: "2022-09", evidence: "Same words as the round before it, exactly.", assessment: "", impact: null },
              { month: "2022-09", evidence: "Same words as the round before it, exactly." },
            ],
          },
          { number: "2", rounds: [{ month: "2021-01", evidence: "", impact }] },
          { number: "3", rounds: [] },
          { number: "4", rounds: [{ month: "2023-02", assessment: "4.", impact: "" }] },
          {
            number: "5",
            rounds: [{ month: "2023-02", assessment: "2.", impact: "2. On track", misplaced: [{ part: "impact", grade: 2 }] }],
          },
          { number: "6", rounds: [{ month: "2023-02", assessment: "1.", explanation: "Click or tap here to enter text." }] },
        ],
      }),
    ];
    const raised = new Map<string, Set<string>>();
    for (const finding of all) {
      const severities = raised.get(finding.code) ?? new Set<string>();
      severities.add(finding.severity);
      raised.set(finding.code, severities);
    }
    for (const [code, info] of Object.entries(FINDING_CODES)) {
      expect([code, [...(raised.get(code) ?? [])].sort()]).toEqual([code, [...info.severities].sort()]);
    }
    expect([...raised.keys()].filter((code) => !(code in FINDING_CODES))).toEqual([]);
  });
});

describe("check: the real documents", () => {
  const careers = analyse(realSnapshot("careersProvision"));
  const careLeavers = analyse(realSnapshot("careLeaversEet"));

  it("careers provision: recommendation 2's grade is in Evidence of Impact: one error, at the grade", () => {
    const two = careers.findings.filter((finding) => finding.recommendation === "2");
    expect(codes(two)).toEqual(["error missing-grade 2"]);
    expect(two[0].message).toBe(
      "Recommendation 2 (July 2021 update): the grade is written in Evidence of Impact (“2. Largely met. Destinations data…”), where it does not count. Move it to the start of Assessment of Progress (grade 2: On-Track).",
    );
    expect(two[0].location).toEqual(careers.document.recommendations[1].rounds[0].impact?.location);
  });

  it("careers provision: one update dated March, July and August 2021 is not reported as not updated", () => {
    expect(careers.findings.filter((finding) => finding.code === "not-updated")).toEqual([]);
    expect(careers.findings.filter((finding) => finding.severity === "error")).toHaveLength(1);
  });

  it("careers provision: dates that disagree with their round, a label with no date, and “As above.”", () => {
    expect(codes(careers.findings.filter((finding) => finding.recommendation !== "2"))).toEqual([
      "warning label-date-mismatch 1",
      "warning label-date-mismatch 3",
      "info as-above 6",
      "warning label-date-mismatch 7",
      "warning label-without-date 7",
    ]);
    const impact = careers.document.recommendations[6].rounds[0].impact;
    expect(careers.findings.find((f) => f.code === "label-without-date")?.location).toEqual(impact?.labelLocation);
  });

  it("care leavers EET laid out the older way, one row per recommendation: still no errors", () => {
    const columns = analyse(layout(realSnapshot("careLeaversEet"), "columns"));
    expect(columns.document.layout).toBe("columns");
    expect(columns.findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });

  it("care leavers EET: no errors, and recommendation 7's September 2022 impact copied from recommendation 2", () => {
    expect(careLeavers.findings.filter((finding) => finding.severity === "error")).toEqual([]);
    const copied = one(careLeavers.findings, "copied-impact");
    expect(copied).toMatchObject({ severity: "warning", recommendation: "7", round: "September 2022" });
    expect(copied.location).toEqual(careLeavers.document.recommendations[2].rounds[0].impact?.location);
  });
});

describe("analyse: works out the update cycles once for check and totals", () => {
  it("gives the same findings and totals as checking and adding up on their own", () => {
    const snapshots = [
      realSnapshot("careersProvision"),
      realSnapshot("careLeaversEet"),
      layout(realSnapshot("careLeaversEet"), "columns"),
    ];
    for (const snapshot of snapshots) {
      const analysis = analyse(snapshot);
      expect(analysis.findings).toEqual(check(analysis.document));
      expect(analysis.totals).toEqual(totals(analysis.document));
    }
  });
});
