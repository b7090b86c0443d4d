/**
 * Every regular expression the engine runs on document text takes time linear in the text: each
 * function that reads text is run on adversarial inputs of 100,000 characters (a prefix that reaches
 * the pattern, then one "atom" repeated, then a character that makes the match fail at the end).
 * A pattern that backtracks is quadratic or worse there: seconds to hours, not milliseconds. The
 * bound is generous (this machine's speed varies by 3×) and still thousands of times under that.
 */
import { analyse } from "../../src/model";
import { insertAll, pushAll } from "../../src/model/arrays";
import { findLabelDate, findWrittenDate, parseMonth } from "../../src/model/dates";
import { isGradeKeyCell, readAssessment, readMisplacedGrade } from "../../src/model/grades";
import { classifyLabel, describesScale, isGradingKey, isTemplateText, looksLikeTitle } from "../../src/model/labels";
import { isFilledIn, isPlaceholderText } from "../../src/model/placeholders";
import type { DocumentSnapshot, SnapshotRow } from "../../src/model/snapshot";

const LENGTH = 100_000;
const BOUND_MS = 1_500;

const ATOMS = [
  " ", "\n", " \n", "\t", "-", "\u2013", ":", ",", ".", "'", "(", ")", "((", "()", "( ", " )", "[", "<",
  "1", "1 ", "1.", "1/", "1-", "1a", "a", "a ", "x", "xx", "x/", "(1", "(1 ", "(July 21)", "July 21 ",
  "jan ", "jan-", "on ", "fully ", "not ", "grade ", "grade:", "include ", "(include explanation",
  "click ", "enter ", "tbc ", "lorem ipsum ", "evidence of progress ", "recommendation ", "rec.", "no.",
  "monitoring ", "(summer ", "2020 ", "\u00a0",
];
const PREFIXES = ["", "Grade", "Grade: ", "Assessment of progress", "Evidence of Progress (July 21)", "Recommendation", "(", "Jan", "2.", "On", "<"];
const ENDINGS = ["!", "1", ")"];

const READERS: [string, (text: string) => unknown][] = [
  ["readAssessment", readAssessment],
  ["readMisplacedGrade", readMisplacedGrade],
  ["isGradeKeyCell", isGradeKeyCell],
  ["classifyLabel (cell)", (text) => classifyLabel(text)],
  ["classifyLabel (paragraph)", (text) => classifyLabel(text, true)],
  ["isGradingKey", (text) => isGradingKey(text, [text, text, text])],
  ["describesScale", describesScale],
  ["isTemplateText", isTemplateText],
  ["looksLikeTitle", looksLikeTitle],
  ["parseMonth", parseMonth],
  ["findLabelDate", findLabelDate],
  ["findWrittenDate", findWrittenDate],
  ["isFilledIn", isFilledIn],
  ["isPlaceholderText", isPlaceholderText],
];

function adversarial(prefix: string, atom: string, ending: string): string {
  return prefix + atom.repeat(Math.ceil(LENGTH / atom.length)) + ending;
}

/** Milliseconds of the slowest of `runs`. */
function slowest(texts: readonly string[], read: (text: string) => unknown): { ms: number; text: string } {
  let worst = { ms: 0, text: "" };
  for (const text of texts) {
    const start = performance.now();
    read(text);
    const ms = performance.now() - start;
    if (ms > worst.ms) worst = { ms, text };
  }
  return worst;
}

function describe100k(text: string): string {
  return `${JSON.stringify(text.slice(0, 40))}… (${text.length} characters)`;
}

/** A monitoring document whose every text (labels, values, a paragraph) is `text`. */
function documentHolding(text: string): DocumentSnapshot {
  const labels = [
    "Recommendation 1:", "Responsibility:", "Target Date:", "Agreed Action:", "Success Measure:",
    "Evidence of Progress (July 21):", "Assessment of Progress (July 21):", "Evidence of Impact (July 21):",
  ];
  const cell = (t: string, row: number, column: number) => ({
    paragraphs: [t],
    location: { kind: "cell" as const, table: 0, row, cell: column },
  });
  const rows: SnapshotRow[] = labels.map((label, row) => ({ cells: [cell(label, row, 0), cell(text, row, 1)] }));
  rows.push({ cells: [cell(text, rows.length, 0), cell("x", rows.length, 1)] });
  return {
    blocks: [
      { kind: "paragraph", text, location: { kind: "paragraph", paragraph: 0 } },
      { kind: "table", index: 0, rows },
    ],
  };
}

describe("regular expressions on document text take linear time", () => {
  const texts: string[] = [];
  for (const prefix of PREFIXES) for (const atom of ATOMS) texts.push(adversarial(prefix, atom, ENDINGS[texts.length % ENDINGS.length]));

  it.each(READERS)("%s on 100,000-character adversarial texts", (_name, read) => {
    const worst = slowest(texts, read);
    if (worst.ms > BOUND_MS) throw new Error(`${worst.ms.toFixed(0)} ms on ${describe100k(worst.text)}`);
  });

  it("analyse on documents whose every cell holds 100,000 adversarial characters", () => {
    const some = ATOMS.map((atom, i) => adversarial(PREFIXES[i % PREFIXES.length], atom, ENDINGS[i % ENDINGS.length]));
    const worst = slowest(some, (text) => analyse(documentHolding(text)));
    if (worst.ms > BOUND_MS) throw new Error(`${worst.ms.toFixed(0)} ms on ${describe100k(worst.text)}`);
  });
});

describe("regressions found by fuzzing", () => {
  it('"Grade" then 2,000 spaces in an Assessment is read at once (the grade pattern backtracked: 6 s)', () => {
    const text = `Grade${" ".repeat(2_000)}`;
    const start = performance.now();
    expect(readAssessment(text)).toMatchObject({ grade: null, explanation: "Grade" });
    expect(readMisplacedGrade(text)).toBeNull();
    expect(isGradeKeyCell(`${text}!`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
  });

  it("the grade pattern still reads what it read before", () => {
    expect(readAssessment("Grade:   2 On track")).toMatchObject({ grade: 2, explanation: null });
    expect(readAssessment("Grade  -  (3)  Slipped.")).toMatchObject({ grade: 3, explanation: null });
    expect(readAssessment("( On track )")).toMatchObject({ grade: 2, explanation: null });
    expect(readAssessment("Assessment   Fully achieved , more to do")).toMatchObject({ grade: 1, explanation: "more to do" });
  });

  it('a round label with 700,000 "(July 21)" groups is read, not a stack overflow', () => {
    const label = `Evidence of Progress ${"(July 21)".repeat(700_000)}:`;
    const match = classifyLabel(label);
    expect(match).toMatchObject({ kind: "evidence", rest: "" });
    expect(match?.label.length).toBe(label.length);
    expect(findWrittenDate(label)).toEqual({ month: "2021-07", dateText: "July 21" });
  });

  it("a label cell's bracketed tail of any length is label, not a stack overflow", () => {
    const label = `Responsibility ${"(see above) ".repeat(200_000)}`;
    expect(classifyLabel(label)).toMatchObject({ kind: "responsibility", rest: "" });
  });

  it('a long unclosed bracket in a label is not taken for a date (the pattern was quadratic)', () => {
    const label = `Evidence of Progress (${"1".repeat(LENGTH)}`;
    const start = performance.now();
    expect(findWrittenDate(label)).toBeNull();
    expect(findWrittenDate("Evidence of Progress (  Summer term  ):")).toEqual({ month: null, dateText: "Summer term" });
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
  });

  it('"Recommendation:" with no number names the recommendation by its place, with single spaces in messages', () => {
    const cell = (text: string, row: number, column: number) => ({
      paragraphs: [text],
      location: { kind: "cell" as const, table: 0, row, cell: column },
    });
    const rows: SnapshotRow[] = [
      ["Recommendation 1:", "Train governors"],
      ["Evidence of Progress (July 21):", "Done"],
      ["Assessment of Progress (July 21):", "2"],
      ["Evidence of Impact (July 21):", "More training"],
      ["Recommendation:", "Improve careers advice"],
      ["Evidence of Progress (July 21):", "Begun"],
      ["Assessment of Progress (July 21):", ""],
      ["Evidence of Impact (July 21):", "Some"],
    ].map(([label, value], row) => ({ cells: [cell(label, row, 0), cell(value, row, 1)] }));
    const analysis = analyse({ blocks: [{ kind: "table", index: 0, rows }] });
    expect(analysis.document.recommendations.map((r) => r.number)).toEqual(["1", "(unnumbered, 2nd)"]);
    const about = analysis.findings.filter((f) => f.recommendation === "(unnumbered, 2nd)");
    expect(about.length).toBeGreaterThan(0);
    for (const finding of analysis.findings) expect(finding.message).not.toMatch(/ {2}|Recommendation :/);
  });

  it("125,000 findings about no recommendation are listed (they were spread into one push)", () => {
    const cell = (text: string, row: number, column: number) => ({
      paragraphs: [text],
      location: { kind: "cell" as const, table: 0, row, cell: column },
    });
    const rows: SnapshotRow[] = [];
    for (let row = 0; row < 125_000; row++) rows.push({ cells: [cell(`Note ${row}`, row, 0), cell("Unplaced text", row, 1)] });
    rows.push({ cells: [cell("Recommendation 1:", rows.length, 0), cell("Train governors", rows.length, 1)] });
    const analysis = analyse({ blocks: [{ kind: "table", index: 0, rows }] });
    expect(analysis.findings.filter((f) => f.recommendation === undefined).length).toBeGreaterThanOrEqual(125_000);
  });

  it("pushAll appends any number of items", () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    expect(pushAll([-1], many)).toHaveLength(300_001);
  });

  it("insertAll puts any number of items in the middle, in order", () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    const into = insertAll(["first", "last"] as (string | number)[], 1, many);
    expect(into).toHaveLength(300_002);
    expect([into[0], into[1], into[300_000], into[300_001]]).toEqual(["first", 0, 299_999, "last"]);
  });
});
