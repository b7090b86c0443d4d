/**
 * The wording rules, on the two real documents: one name per update, "update" not "round", one
 * finding per fault, the short form under a recommendation's heading, and grade names from the
 * document's own key.
 */
import { analyse } from "../../src/model";
import { gradeNamesFromKey, keyReader, readOwnGrade } from "../../src/model/grade-key";
import { describeLatestUpdate, latestUpdate } from "../../src/model/summary";
import { readRealDocument, realSnapshot, snapshotFromText } from "../helpers/text-snapshot";

const careers = analyse(realSnapshot("careersProvision"));
const careLeavers = analyse(realSnapshot("careLeaversEet"));
const both = [
  ["careers provision", careers],
  ["care leavers EET", careLeavers],
] as const;

/** "July 2021", "November 2023", or "Update 2" for an undated update. */
const ONE_FORM = /^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|Update \d+)$/;

describe("one name per update", () => {
  it.each(both)("%s: every finding, total and history names its update by month and year in one form", (_name, analysis) => {
    const names = [
      ...analysis.findings.flatMap((finding) => (finding.round === undefined ? [] : [finding.round])),
      ...analysis.totals.rounds.map((round) => round.label),
      ...analysis.totals.history.flatMap((history) => history.grades.map((grade) => grade.label)),
    ];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(ONE_FORM);
    for (const finding of analysis.findings) {
      // "(July 21 update)" and "(March 21 update)" were the labels as written.
      expect(finding.message).not.toMatch(/\(\w+ \d{2} update\)/);
    }
  });

  it("careers provision: one update, called July 2021 on every recommendation, whatever each label says", () => {
    expect(careers.totals.rounds.map((round) => round.label)).toEqual(["July 2021"]);
    const named = careers.findings.filter((finding) => finding.recommendation !== undefined);
    expect(new Set(named.map((finding) => finding.round))).toEqual(new Set(["July 2021"]));
    for (const finding of named) expect(finding.message).toMatch(/^Recommendation \d+ \(July 2021 update\): /);
  });

  it("careers provision: a row labelled with another month says so in words", () => {
    const mismatches = careers.findings.filter((finding) => finding.code === "label-date-mismatch");
    expect(mismatches.map((finding) => finding.detail)).toEqual([
      "Evidence of Impact is labelled August 2021; the rest of this update says July 2021.",
      "Evidence of Impact is labelled August 2021; the rest of this update says July 2021.",
      "Assessment of Progress is labelled August 2021; Evidence of Progress says March 2021.",
    ]);
  });

  it("care leavers EET: the three updates by month, oldest first", () => {
    expect(careLeavers.totals.rounds.map((round) => round.label)).toEqual(["September 2022", "February 2023", "November 2023"]);
  });
});

describe("the latest update", () => {
  it.each(both)("%s: every recommendation is in the newest update, so the header need not say more", (_name, analysis) => {
    const latest = latestUpdate(analysis.totals);
    expect(latest.inNewest).toBe(latest.total);
    expect(describeLatestUpdate(latest)).toBeNull();
  });

  it("care leavers EET without recommendation 6's November 2023 update: says which update is latest and who is in it", () => {
    const text = readRealDocument("careLeaversEet");
    const start = text.indexOf("Evidence of Progress (November 2023):\t2 young people have completed");
    const end = text.indexOf("Recommendation 7:");
    const analysis = analyse(snapshotFromText(text.slice(0, start) + text.slice(end)));
    expect(describeLatestUpdate(latestUpdate(analysis.totals))).toBe(
      "The latest update is November 2023, which 2 of the 3 recommendations have; Recommendation 6 was last updated in February 2023.",
    );
  });
});

describe("words a user reads", () => {
  it.each(both)("%s: no finding says “round” or talks of rows the checker could not place", (_name, analysis) => {
    for (const finding of analysis.findings) {
      expect(finding.message).not.toMatch(/\bround/i);
      expect(finding.message).not.toMatch(/could not place/);
    }
  });

  it("care leavers EET: the stray row says what it reads and what to do", () => {
    const stray = careLeavers.findings.find((finding) => finding.code === "unrecognised-row");
    expect(stray?.detail).toBe(
      "A row reads “December detion 0”, which is not one of the monitoring template's rows (such as Evidence of Progress), so nothing in it was checked. If it belongs to an update, give it that row's label; if not, remove it.",
    );
  });

  it.each(both)("%s: a finding about a recommendation has the full sentence and a short form without its name", (_name, analysis) => {
    for (const finding of analysis.findings) {
      expect(finding.detail).toBeDefined();
      if (finding.recommendation === undefined) {
        expect(finding.detail).toBe(finding.message);
        continue;
      }
      expect(finding.detail).not.toMatch(/^Recommendation/);
      const lead = finding.message.slice(0, finding.message.length - (finding.detail ?? "").length);
      expect(lead).toMatch(/^Recommendation \d+[a-z]?(?: \([^)]+ update\))?: $/);
      expect(finding.message.slice(lead.length).toLowerCase()).toBe((finding.detail ?? "").toLowerCase());
    }
  });
});

describe("one finding per fault", () => {
  it("careers provision: recommendation 2's grade in Evidence of Impact is one error that says where it is and what to do", () => {
    const two = careers.findings.filter((finding) => finding.recommendation === "2");
    expect(two.map((finding) => `${finding.severity} ${finding.code}`)).toEqual(["error missing-grade"]);
    expect(two[0].detail).toMatch(/^The grade is written in Evidence of Impact \(“2\. Largely met\./);
    expect(two[0].detail).toMatch(/Move it to the start of Assessment of Progress/);
    expect(two[0].location).toEqual(careers.document.recommendations[1].rounds[0].impact?.location);
  });

  it.each(both)("%s: no two findings point at the same place for the same reason", (_name, analysis) => {
    const seen = analysis.findings.map((finding) => `${finding.code} ${JSON.stringify(finding.location)}`);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

/** The careers document with its key in an older council wording, and grades written in those words. */
function careersWithOlderKey(): string {
  return readRealDocument("careersProvision")
    .replace(
      "Progress Gradings:\tFully Achieved\tOn-Track\tSlipped\tNot Achieved",
      "Progress Gradings:\tAchieved (Fully)\tOn Track but not yet due for completion\tSlipped\tNot Achieved",
    )
    .replace("\t1.\n", "\tAchieved (Fully)\n")
    .replace(
      "\tAll schools and colleges have responded positively",
      "\tOn Track but not yet due for completion. All schools and colleges have responded positively",
    );
}

describe("grade names from the document's own key", () => {
  it.each(both)("%s: the template's key gives the usual names", (_name, analysis) => {
    expect(analysis.document.gradeNames).toEqual({ 1: "Fully Achieved", 2: "On-Track", 3: "Slipped", 4: "Not Achieved" });
  });

  it("careers provision with an older key: grades written in its words are grades, and named as it names them", () => {
    const analysis = analyse(snapshotFromText(careersWithOlderKey()));
    expect(analysis.document.gradeNames).toEqual({
      1: "Achieved (Fully)",
      2: "On Track but not yet due for completion",
      3: "Slipped",
      4: "Not Achieved",
    });
    const rounds = analysis.document.recommendations.map((recommendation) => recommendation.rounds[0]);
    expect(rounds[6].assessment?.grade).toBe(1);
    expect(rounds[6].assessment?.explanation).toBeNull();
    expect(rounds[1].assessment?.grade).toBe(2);
    expect(rounds[1].assessment?.explanation).toMatch(/^All schools and colleges have responded positively/);
    // Recommendation 2 now has a grade in its Assessment as well as one in Evidence of Impact: one warning, no error.
    const two = analysis.findings.filter((finding) => finding.recommendation === "2");
    expect(two.map((finding) => `${finding.severity} ${finding.code}`)).toEqual(["warning grade-in-wrong-row"]);
    expect(analysis.totals.latest).toEqual({ 1: 1, 2: 5, 3: 1, 4: 0, none: 0 });
  });

  it("the same older key with the unchanged careers grades: the template's wording still reads", () => {
    const text = readRealDocument("careersProvision").replace(
      "Progress Gradings:\tFully Achieved\tOn-Track\tSlipped\tNot Achieved",
      "Progress Gradings:\tAchieved (Fully)\tOn Track but not yet due for completion\tSlipped\tNot Achieved",
    );
    expect(analyse(snapshotFromText(text)).totals.latest).toEqual(careers.totals.latest);
  });

  it("reads the key laid out as numbered cells, down the page, or as one sentence", () => {
    const older = { 1: "Achieved (Fully)", 2: "On Track but not yet due for completion", 3: "Slipped", 4: "Not Achieved" };
    expect(
      gradeNamesFromKey([
        ["Assessment of Progress Gradings:", "1 Achieved (Fully)", "2 On Track but not yet due for completion", "3 Slipped", "4 Not Achieved"],
      ]),
    ).toEqual(older);
    expect(gradeNamesFromKey([["1", "Achieved (Fully)"], ["2", "On Track but not yet due for completion"], ["3", "Slipped"], ["4", "Not Achieved"]])).toEqual(older);
    expect(
      gradeNamesFromKey([["Assessment of Progress Gradings: 1 Achieved (Fully) / 2 On Track but not yet due for completion / 3 Slipped / 4 Not Achieved"]]),
    ).toEqual(older);
  });

  it("reads a grade in the key's words only as a whole phrase, never inside prose", () => {
    const reader = keyReader({ 1: "Achieved (Fully)", 2: "On Track but not yet due for completion", 3: "Slipped", 4: "Not Achieved" });
    expect(readOwnGrade("Achieved (fully): all schools took part.", reader)).toEqual({ grade: 1, explanation: "all schools took part." });
    expect(readOwnGrade("1 – Achieved (Fully)", reader)).toEqual({ grade: 1, explanation: null });
    expect(readOwnGrade("2 Achieved (Fully)", reader)).toBeNull();
    expect(readOwnGrade("Achieved the target for 12 schools.", reader)).toBeNull();
    expect(readOwnGrade("Work goes on.\nAchieved (Fully)", reader)).toEqual({ grade: 1, explanation: "Work goes on." });
  });
});
