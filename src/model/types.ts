import type { Location } from "./snapshot";

/** The council's scale: 1 Fully Achieved, 2 On-Track, 3 Slipped, 4 Not Achieved. */
export type Grade = 1 | 2 | 3 | 4;

export const GRADES: readonly Grade[] = [1, 2, 3, 4];

export const GRADE_NAMES: Readonly<Record<Grade, string>> = {
  1: "Fully Achieved",
  2: "On-Track",
  3: "Slipped",
  4: "Not Achieved",
};

/** A calendar month as `YYYY-MM`. */
export type Month = string;

/** A labelled value: the label cell as written and the officer's text beside it. */
export interface Field {
  /** The label as written, paragraphs joined by a space, e.g. "Evidence of Progress (July 21):". */
  label: string;
  /** The value's paragraphs joined by "\n", trimmed; "" when empty. */
  text: string;
  /** Where the value is (the cell beside the label, or the paragraph that holds both). */
  location: Location;
  /** Where the label is, when it has a place of its own. */
  labelLocation: Location | null;
}

/** One of a round's three rows. */
export interface RoundPart extends Field {
  /** The month in this row's label, or null when it has none. */
  month: Month | null;
  /** The date as written in the label, e.g. "July 21", or null. */
  dateText: string | null;
}

export interface Assessment extends RoundPart {
  /** The grade read from the Assessment row only; null when there is none on the scale. */
  grade: Grade | null;
  /** The explanation after the grade (or the whole text when there is no grade); null when empty. */
  explanation: string | null;
  /** Where in `text` the grade phrase is (as read, without surrounding spaces); null when there is no grade. */
  gradeAt?: TextSpan | null;
}

/** A stretch of a text: `length` characters from `offset`. */
export interface TextSpan {
  offset: number;
  length: number;
}

/** A grade written somewhere other than the Assessment row: a finding, never a grade. */
export interface MisplacedGrade {
  part: "evidence" | "impact";
  grade: Grade;
  location: Location;
}

/** One dated progress update of a recommendation. */
export interface Round {
  /** Position within the recommendation, from 0. */
  index: number;
  /** The round's date as written (e.g. "July 21"), or "Update N" when it has none. */
  label: string;
  /** The round's month: the first of its rows' months, or null. */
  month: Month | null;
  evidence: RoundPart | null;
  assessment: Assessment | null;
  impact: RoundPart | null;
  misplacedGrades: MisplacedGrade[];
  /**
   * Where the last row (or paragraph) the round was read from starts: its label cell, continuation
   * rows included. New rounds go after it. Absent in hand-built models.
   */
  end?: Location | null;
}

export interface Recommendation {
  /** The number as written, e.g. "2" or "3a". */
  number: string;
  text: string;
  /** Where the recommendation's heading is. */
  location: Location;
  responsibility: Field | null;
  targetDate: Field | null;
  agreedAction: Field | null;
  successMeasure: Field | null;
  rounds: Round[];
  /** Where the last row (or paragraph) of the heading and fields (Agreed Success Measure…) starts. */
  fieldsEnd?: Location;
}

/** A row or paragraph inside the monitoring content that the parser could not place. */
export interface UnrecognisedRow {
  text: string;
  location: Location;
  /** The recommendation it sits in, if any. */
  recommendation: string | null;
}

export interface MonitoringDocument {
  /** e.g. "SCRUTINY MONITORING – PROGRESS UPDATE", or null. */
  title: string | null;
  review: Field | null;
  linkOfficers: Field | null;
  actionPlanAgreed: Field | null;
  recommendations: Recommendation[];
  /** Where the "Assessment of Progress Gradings" key is, or null. */
  gradingKey: Location | null;
  /**
   * Each grade's name as the document's own key words it ("1 Achieved (Fully)" → "Achieved (Fully)");
   * GRADE_NAMES for a grade the key does not name, or when there is no key.
   */
  gradeNames: Readonly<Record<Grade, string>>;
  unrecognised: UnrecognisedRow[];
  /** "rows": label/value rows (the template); "columns": one table row per recommendation (older councils). */
  layout: "rows" | "columns";
}

export type Severity = "error" | "warning" | "info";

export interface Finding {
  severity: Severity;
  /** Stable, kebab-case, e.g. "missing-impact". */
  code: string;
  /** Plain English, naming the recommendation and update: "Recommendation 2 (July 2021 update): no grade…". */
  message: string;
  /**
   * The same without the recommendation and update named, for a list already headed by them:
   * "No grade in Assessment of Progress." (the whole message for findings about the whole document).
   */
  detail?: string;
  /** The recommendation's number as written, when the finding is about one. */
  recommendation?: string;
  /** The update's name, when the finding is about one: its cycle's month, "July 2021" (or "Update 2" when undated). */
  round?: string;
  /** Where to take the user; null when there is nowhere better than the start. */
  location: Location | null;
}

export interface GradeCounts {
  1: number;
  2: number;
  3: number;
  4: number;
  none: number;
}

export interface RoundTotals {
  /** e.g. "September 2022", or "Update 2" for undated rounds matched by position. */
  label: string;
  month: Month | null;
  counts: GradeCounts;
}

export interface GradeHistory {
  recommendation: string;
  grades: { label: string; month: Month | null; grade: Grade | null }[];
}

export interface Totals {
  /** Each recommendation's last round; a recommendation with no round or no grade counts as none. */
  latest: GradeCounts;
  /** Every round across the document, oldest first. */
  rounds: RoundTotals[];
  history: GradeHistory[];
}
