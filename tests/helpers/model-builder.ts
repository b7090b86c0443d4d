import type { CellLocation } from "../../src/model/snapshot";
import { formatMonth } from "../../src/model/dates";
import { GRADE_NAMES } from "../../src/model/types";
import type {
  Assessment,
  Field,
  Grade,
  MisplacedGrade,
  MonitoringDocument,
  Month,
  Recommendation,
  Round,
  RoundPart,
} from "../../src/model/types";

/**
 * Builds MonitoringDocuments by hand, as the parser would give them, for tests of check and totals.
 * Table 0 is the header; recommendation i is table i + 1, one row per field (label cell 0, value
 * cell 1), so every field has its own location.
 */

/** A part's label date: a month ("2021-07", written "July 2021"), null for no date, or both given. */
export type DateSpec = Month | null | { month: Month | null; dateText: string | null };

export interface RoundSpec {
  /** The month on all three labels unless a part says otherwise; null for undated labels. */
  month?: DateSpec;
  /** Text of each row; null leaves the row out. Default: some evidence, "2. On track", some impact. */
  evidence?: string | null;
  assessment?: string | null;
  impact?: string | null;
  /** Defaults to the grade at the start of the assessment text, if any. */
  grade?: Grade | null;
  /** Defaults to the assessment text after its grade (all of it when there is none), null when empty. */
  explanation?: string | null;
  evidenceMonth?: DateSpec;
  assessmentMonth?: DateSpec;
  impactMonth?: DateSpec;
  misplaced?: { part: "evidence" | "impact"; grade: Grade }[];
}

export interface RecommendationSpec {
  number: string;
  text?: string;
  rounds?: RoundSpec[];
}

export interface DocumentSpec {
  review?: string | null;
  linkOfficers?: string | null;
  actionPlanAgreed?: string | null;
  recommendations?: RecommendationSpec[];
  unrecognised?: { text: string; recommendation: string | null }[];
  layout?: "rows" | "columns";
  gradeNames?: MonitoringDocument["gradeNames"];
}

function cell(table: number, row: number, cellIndex: number): CellLocation {
  return { kind: "cell", table, row, cell: cellIndex };
}

class Rows {
  private row = 0;
  constructor(readonly table: number) {}
  next(): number {
    return this.row++;
  }
}

function field(rows: Rows, label: string, text: string): Field {
  const row = rows.next();
  return { label, text, location: cell(rows.table, row, 1), labelLocation: cell(rows.table, row, 0) };
}

function optionalField(rows: Rows, label: string, text: string | null | undefined, fallback: string): Field | null {
  if (text === null) return null;
  return field(rows, label, text ?? fallback);
}

function resolveDate(spec: DateSpec | undefined, fallback: DateSpec): { month: Month | null; dateText: string | null } {
  const value = spec === undefined ? fallback : spec;
  if (value === null) return { month: null, dateText: null };
  if (typeof value === "string") return { month: value, dateText: formatMonth(value) };
  return value;
}

function part(rows: Rows, name: string, text: string, date: { month: Month | null; dateText: string | null }): RoundPart {
  const label = date.dateText ? `${name} (${date.dateText}):` : `${name}:`;
  return { ...field(rows, label, text), month: date.month, dateText: date.dateText };
}

const LEADING_GRADE = /^\s*([1-4])(?:\s*[.):-]\s*|\s+|$)/;

function buildRound(rows: Rows, spec: RoundSpec, index: number): Round {
  const roundDate = spec.month === undefined ? null : spec.month;
  const evidenceDate = resolveDate(spec.evidenceMonth, roundDate);
  const assessmentDate = resolveDate(spec.assessmentMonth, roundDate);
  const impactDate = resolveDate(spec.impactMonth, roundDate);

  const evidenceText = spec.evidence === undefined ? `Evidence of progress for update ${index + 1}.` : spec.evidence;
  const assessmentText = spec.assessment === undefined ? "2. On track" : spec.assessment;
  const impactText = spec.impact === undefined ? `Impact seen after update ${index + 1}.` : spec.impact;

  const evidence = evidenceText === null ? null : part(rows, "Evidence of Progress", evidenceText, evidenceDate);
  let assessment: Assessment | null = null;
  if (assessmentText !== null) {
    const match = LEADING_GRADE.exec(assessmentText);
    const grade = spec.grade !== undefined ? spec.grade : match ? (Number(match[1]) as Grade) : null;
    const rest = (match ? assessmentText.slice(match[0].length) : assessmentText).trim();
    const explanation = spec.explanation !== undefined ? spec.explanation : rest === "" ? null : rest;
    assessment = {
      ...part(rows, "Assessment of Progress", assessmentText, assessmentDate),
      grade,
      explanation,
    };
  }
  const impact = impactText === null ? null : part(rows, "Evidence of Impact", impactText, impactDate);

  const dates = [evidence, assessment, impact].filter((p): p is RoundPart => p !== null && p.month !== null);
  const first = dates[0];
  const misplacedGrades: MisplacedGrade[] = (spec.misplaced ?? []).map(({ part: which, grade }) => {
    const holder = which === "evidence" ? evidence : impact;
    if (!holder) throw new Error(`model-builder: a misplaced grade needs the ${which} row`);
    return { part: which, grade, location: holder.location };
  });
  return {
    index,
    label: first?.dateText ?? `Update ${index + 1}`,
    month: first?.month ?? null,
    evidence,
    assessment,
    impact,
    misplacedGrades,
  };
}

function buildRecommendation(spec: RecommendationSpec, table: number): Recommendation {
  const rows = new Rows(table);
  const heading = rows.next();
  return {
    number: spec.number,
    text: spec.text ?? `The text of recommendation ${spec.number}.`,
    location: cell(table, heading, 1),
    responsibility: field(rows, "Responsibility:", "A Council Officer"),
    targetDate: field(rows, "Date:", "April 2022"),
    agreedAction: field(rows, "Agreed Action:", "An agreed action."),
    successMeasure: field(rows, "Agreed Success Measure:", "A success measure."),
    rounds: (spec.rounds ?? []).map((round, index) => buildRound(rows, round, index)),
  };
}

export function buildDocument(spec: DocumentSpec = {}): MonitoringDocument {
  const header = new Rows(0);
  header.next();
  const recommendations = (spec.recommendations ?? []).map((rec, index) => buildRecommendation(rec, index + 1));
  return {
    title: "SCRUTINY MONITORING – PROGRESS UPDATE",
    review: optionalField(header, "Review:", spec.review, "Scrutiny Review of Testing"),
    linkOfficers: optionalField(header, "Link Officer/s:", spec.linkOfficers, "A Link Officer"),
    actionPlanAgreed: optionalField(header, "Action Plan Agreed:", spec.actionPlanAgreed, "September 2021"),
    recommendations,
    gradingKey: cell(recommendations.length + 1, 0, 0),
    gradeNames: spec.gradeNames ?? GRADE_NAMES,
    unrecognised: (spec.unrecognised ?? []).map((row, index) => ({
      text: row.text,
      recommendation: row.recommendation,
      location: { kind: "paragraph", paragraph: 1000 + index },
    })),
    layout: spec.layout ?? "rows",
  };
}

/** A recommendation's rounds, one per month, each with the given grades ("2. On track" style). */
export function gradedRounds(months: Month[], grades: (Grade | null)[]): RoundSpec[] {
  return months.map((month, index) => {
    const grade = grades[index] ?? null;
    return { month, assessment: grade === null ? "Work continues." : `${grade}. Explanation for the grade.` };
  });
}

/** The careers provision document's one update, as the parser gives it: March, July and August 2021. */
export function careersLike(): RecommendationSpec[] {
  return [
    { number: "1", rounds: [{ month: "2021-07", assessment: "2. Largely met.", impactMonth: "2021-08" }] },
    {
      number: "2",
      rounds: [{ month: "2021-07", assessment: "All schools responded.", impact: "2. Largely met. Data showed…", misplaced: [{ part: "impact", grade: 2 }] }],
    },
    { number: "3", rounds: [{ month: "2021-07", assessment: "2. Further progress hampered.", impactMonth: "2021-08" }] },
    { number: "4", rounds: [{ month: "2021-07", assessment: "2. Excellent progress." }] },
    { number: "5", rounds: [{ month: "2021-08", assessment: "2. Further lockdowns." }] },
    { number: "6", rounds: [{ month: "2021-08", assessment: "3. National restrictions.", impact: "As above." }] },
    { number: "7", rounds: [{ month: "2021-03", assessmentMonth: "2021-08", impactMonth: null, assessment: "1." }] },
  ];
}

/** The care leavers EET document: three updates, September 2022, February 2023, November 2023. */
export function careLeaversLike(): RecommendationSpec[] {
  const months = ["2022-09", "2023-02", "2023-11"];
  return [
    { number: "2", rounds: gradedRounds(months, [2, 2, 1]) },
    { number: "6", rounds: gradedRounds(months, [2, 3, 1]) },
    { number: "7", rounds: gradedRounds(months, [2, 3, 2]) },
  ];
}
