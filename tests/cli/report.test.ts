/** The three report formats, from hand-made reports (independent of the engine). */
import { exitCode, failedReport, type FileReport, type JsonRound } from "../../src/cli/report";
import { jsonReport } from "../../src/cli/report-json";
import { markdownReport } from "../../src/cli/report-markdown";
import { ANSI_STYLE, textReport } from "../../src/cli/report-text";

function round(label: string, date: string | null, grade: 1 | 2 | 3 | 4 | null, parts: Partial<JsonRound> = {}): JsonRound {
  return { label, date, evidence: "Evidence as written.", grade, explanation: null, impact: "Impact as written.", ...parts };
}

/** Shaped like careers-provision: recommendation 2's latest update has no grade. */
const incomplete: FileReport = {
  file: "reviews/careers-provision.docx",
  ok: false,
  review: "Scrutiny Review of Careers Provision",
  gradeNames: { "1": "Fully Achieved", "2": "On-Track", "3": "Slipped", "4": "Not Achieved" },
  recommendations: [
    { number: "1", text: "All schools…", complete: true, missing: [], rounds: [round("July 2021", "2021-07", 2)] },
    { number: "2", text: "Impartial guidance…", complete: false, missing: ["grade"], rounds: [round("July 2021", "2021-07", null)] },
    { number: "3", text: "Governing bodies | leads", complete: true, missing: [], rounds: [round("July 2021", "2021-07", 3)] },
  ],
  totals: {
    latest: { "1": 0, "2": 1, "3": 1, "4": 0, none: 1 },
    rounds: [{ label: "July 2021", date: "2021-07", counts: { "1": 0, "2": 1, "3": 1, "4": 0, none: 1 } }],
  },
  findings: [
    {
      severity: "error",
      code: "missing-grade",
      recommendation: "2",
      round: "July 2021",
      message: "Recommendation 2 (July 2021 update): the assessment has no grade on the 1–4 scale.",
    },
    { severity: "warning", code: "grade-in-impact", recommendation: "2", message: "Recommendation 2: a grade is written in the impact row." },
  ],
};

const complete: FileReport = {
  file: "care-leavers.docx",
  ok: true,
  review: "Scrutiny Review of Care Leavers EET",
  gradeNames: { "1": "Fully Achieved", "2": "On-Track", "3": "Slipped", "4": "Not Achieved" },
  recommendations: [
    {
      number: "7",
      text: "Has a Borough-Wide commitment…",
      complete: true,
      missing: [],
      rounds: [round("September 2022", "2022-09", 2), round("February 2023", "2023-02", 1)],
    },
  ],
  totals: {
    latest: { "1": 1, "2": 0, "3": 0, "4": 0, none: 0 },
    rounds: [
      { label: "September 2022", date: "2022-09", counts: { "1": 0, "2": 1, "3": 0, "4": 0, none: 0 } },
      { label: "February 2023", date: "2023-02", counts: { "1": 1, "2": 0, "3": 0, "4": 0, none: 0 } },
    ],
  },
  findings: [],
};

const unreadable = failedReport("broken.docx", "unreadable", "This file is not a .docx: it is not a zip archive.");
const notMonitoring = failedReport("letter.docx", "not-monitoring-document", "No recommendations found.");

describe("exit code", () => {
  it("is 0 when every file is complete", () => {
    expect(exitCode([complete, complete], false)).toBe(0);
  });
  it("is 1 when any file has an error finding", () => {
    expect(exitCode([complete, incomplete], false)).toBe(1);
  });
  it("is 2 when any file is unreadable or not a monitoring document, whatever the others", () => {
    expect(exitCode([incomplete, unreadable], false)).toBe(2);
    expect(exitCode([complete, notMonitoring], false)).toBe(2);
  });
  it("is 2 when a path on the command line was bad, even if the files found are complete", () => {
    expect(exitCode([complete], true)).toBe(2);
  });
});

describe("text report", () => {
  const text = textReport([incomplete]);
  const lines = text.split("\n");

  it("heads the file with its path, review and status in words", () => {
    expect(lines[0]).toBe("reviews/careers-provision.docx");
    expect(text).toContain("Scrutiny Review of Careers Provision");
    expect(text).toContain("NOT COMPLETE: 1 error, 1 warning.");
  });

  it("gives each recommendation's latest update and grade, naming a missing grade", () => {
    const row = (n: string): string => lines.find((l) => new RegExp(`^\\s+${n}\\s{2,}`).test(l)) ?? "";
    expect(row("1")).toMatch(/July 2021\s+2 On-Track\s+complete/);
    expect(row("2")).toMatch(/July 2021\s+no grade\s+missing grade/);
    expect(row("3")).toMatch(/3 Slipped\s+complete/);
  });

  it("lists findings with their severity in words and their code", () => {
    expect(text).toMatch(/ERROR\s+Recommendation 2 \(July 2021 update\): the assessment has no grade.*\[missing-grade\]/);
    expect(text).toMatch(/warning\s+Recommendation 2: a grade is written in the impact row/);
  });

  it("has the totals for the latest update and for every round", () => {
    expect(text).toMatch(/Latest update\s+0\s+1\s+1\s+0\s+1/);
    expect(text).toMatch(/July 2021\s+0\s+1\s+1\s+0\s+1/);
  });

  it("says COMPLETE for a complete file", () => {
    expect(textReport([complete])).toContain("COMPLETE: 1 recommendation, no findings.");
  });

  it("says why a file could not be checked, and sums up several files", () => {
    const several = textReport([complete, incomplete, unreadable, notMonitoring]);
    expect(several).toContain("broken.docx\n  UNREADABLE: This file is not a .docx: it is not a zip archive.");
    expect(several).toContain("letter.docx\n  NOT A MONITORING DOCUMENT: No recommendations found.");
    expect(several).toContain("4 files checked: 1 complete, 1 with errors, 2 could not be checked.");
  });

  it("has no escape codes without a style, and keeps the words when coloured", () => {
    expect(text).not.toContain("\u001b[");
    const coloured = textReport([incomplete], ANSI_STYLE);
    expect(coloured).toContain("\u001b[31mNOT COMPLETE\u001b[39m");
    const escapeCodes = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g");
    expect(coloured.replace(escapeCodes, "")).toBe(text);
  });
});

describe("Markdown report", () => {
  const md = markdownReport([incomplete]);

  it("titles the report with the review and gives a status line", () => {
    expect(md.startsWith("# Scrutiny Review of Careers Provision\n")).toBe(true);
    expect(md).toContain("File: `reviews/careers-provision.docx`");
    expect(md).toContain("**Status: not complete** – 2 of 3 recommendations complete; 1 error, 1 warning.");
  });

  it("has a recommendation table with latest round, grade name and completeness", () => {
    expect(md).toContain("| Recommendation | Latest update | Grade | Complete? |\n| --- | --- | --- | --- |");
    expect(md).toContain("| 1 | July 2021 | 2 On-Track | Yes |");
    expect(md).toContain("| 2 | July 2021 | no grade | No – missing grade |");
  });

  it("lists findings and has both totals tables", () => {
    expect(md).toContain("- **Error:** Recommendation 2 (July 2021 update): the assessment has no grade on the 1–4 scale.");
    expect(md).toContain("| 2 On-Track | 1 |");
    expect(md).toContain("| No grade | 1 |");
    expect(md).toContain("| **Total** | **3** |");
    expect(md).toContain("| Update | 1 Fully Achieved | 2 On-Track | 3 Slipped | 4 Not Achieved | No grade |");
    expect(md).toContain("| July 2021 | 0 | 1 | 1 | 0 | 1 |");
  });

  it("escapes what Markdown would read as markup in officers' text", () => {
    const md2 = markdownReport([{ ...incomplete, review: "Review of *Careers* | Guidance" }]);
    expect(md2).toContain("# Review of \\*Careers\\* \\| Guidance");
  });

  it("puts several files under one heading with a summary, and says why a file was not checked", () => {
    const several = markdownReport([complete, unreadable]);
    expect(several.startsWith("# Scrutiny monitoring check\n\n2 documents checked; 1 complete.")).toBe(true);
    expect(several).toContain("## Scrutiny Review of Care Leavers EET");
    expect(several).toContain("| February 2023 | 1 | 0 | 0 | 0 | 0 |");
    expect(several).toContain("## broken.docx");
    expect(several).toContain("**Status: not checked** – this file could not be read.");
  });
});

describe("JSON report", () => {
  it("is an array of the reports, one per file, that parses back to the same data", () => {
    const parsed = JSON.parse(jsonReport([incomplete, unreadable])) as FileReport[];
    expect(parsed).toEqual([incomplete, unreadable]);
    expect(parsed[1]).toMatchObject({ ok: false, error: { code: "unreadable" }, recommendations: [] });
  });
});
