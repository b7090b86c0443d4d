/**
 * One checked file as plain data: what `--json` prints (one of these per file) and what the text
 * and Markdown reports are drawn from, so the three formats never disagree.
 */
import type { Analysis } from "../model";
import { GRADE_NAMES } from "../model/types";
import { partitionFindings, type SetAsideRecord } from "../model/set-aside";
import type { Finding, GradeCounts, Recommendation, Round, Severity } from "../model/types";
import {
  countBySeverity,
  describeLatestUpdate,
  latestUpdate,
  recommendationStatuses,
  reviewName,
  type RecommendationStatus,
  type RoundGap,
} from "../model/summary";

export { countBySeverity };

export type GradeNumber = 1 | 2 | 3 | 4;

/** Why a file has no report: it could not be read, or it is not a Scrutiny Monitoring document. */
export type FileErrorCode = "unreadable" | "not-monitoring-document";

export interface JsonRound {
  /**
   * The update's name, the same for every recommendation given it: its most common month ("July
   * 2021"), or "Update N" when its labels carry no date.
   */
  label: string;
  /** The month this recommendation's labels give, as `YYYY-MM`, or null when they carry no date. */
  date: string | null;
  /** Evidence of Progress as written; null when the cell is empty or whitespace. */
  evidence: string | null;
  /** The grade from the Assessment row, or null when there is none on the scale. */
  grade: GradeNumber | null;
  /** The assessment's words after the grade; null when there are none. */
  explanation: string | null;
  /** Evidence of Impact as written; null when the cell is empty or whitespace. */
  impact: string | null;
}

export interface JsonRecommendation {
  /** The number as written, e.g. "2" or "3a". */
  number: string;
  text: string;
  /** True when no error finding is about this recommendation. */
  complete: boolean;
  /** What its latest update lacks, from the error findings: "evidence", "grade", "impact". */
  missing: RoundGap[];
  /** Oldest first; the last is the latest update. */
  rounds: JsonRound[];
}

/** Grade counts keyed as in JSON: "1".."4" and "none" (no round, or no grade on the scale). */
export interface JsonCounts {
  "1": number;
  "2": number;
  "3": number;
  "4": number;
  none: number;
}

export interface JsonTotals {
  /** Each recommendation's latest update. */
  latest: JsonCounts;
  /** Every update across the document, oldest first. */
  rounds: { label: string; date: string | null; counts: JsonCounts }[];
}

/** The grades' names as the document's own key gives them, keyed "1".."4". */
export type JsonGradeNames = Record<"1" | "2" | "3" | "4", string>;

export interface JsonFinding {
  severity: Severity;
  /** Stable, kebab-case, e.g. "missing-grade". */
  code: string;
  recommendation?: string;
  /** The update's name, e.g. "July 2021". */
  round?: string;
  /** The whole sentence, naming the recommendation and update. */
  message: string;
  /** The same without them, for a list headed by the recommendation. */
  detail?: string;
}

/** A finding set aside in the add-in: the finding, and why and when. */
export interface JsonSetAside extends JsonFinding {
  reason: string;
  /** YYYY-MM-DD. */
  date: string;
}

export interface FileReport {
  /** The path as found (relative when it was given relative). */
  file: string;
  /** True when the file was read, is a monitoring document, and has no error finding. */
  ok: boolean;
  error?: { code: FileErrorCode; message: string };
  /** The review's name, e.g. "Scrutiny Review of Careers Provision". */
  review?: string;
  /**
   * Which update "latest" means when recommendations' last updates differ ("The latest update is
   * November 2023, which 2 of the 3 recommendations have; …"); absent when they are all in it.
   */
  latestUpdate?: string;
  gradeNames: JsonGradeNames;
  recommendations: JsonRecommendation[];
  totals: JsonTotals;
  /** The findings that count (set-aside ones only with --include-set-aside). */
  findings: JsonFinding[];
  /** Findings set aside in the add-in, with their reasons (listed whether or not they count). */
  setAside?: JsonSetAside[];
  /** True when set-aside findings are counted among `findings` (--include-set-aside). */
  setAsideCounted?: boolean;
}

export const EMPTY_COUNTS: Readonly<JsonCounts> = { "1": 0, "2": 0, "3": 0, "4": 0, none: 0 };

/** A report for a file that has none: unreadable, or not a monitoring document. */
export function failedReport(file: string, code: FileErrorCode, message: string): FileReport {
  return {
    file,
    ok: false,
    error: { code, message },
    gradeNames: jsonGradeNames(GRADE_NAMES),
    recommendations: [],
    totals: { latest: { ...EMPTY_COUNTS }, rounds: [] },
    findings: [],
  };
}

export interface SetAsideOptions {
  records: readonly SetAsideRecord[];
  /** Count them like any other finding (--include-set-aside). */
  includeSetAside: boolean;
}

export function reportFromAnalysis(
  file: string,
  analysis: Analysis,
  setAsideOptions: SetAsideOptions = { records: [], includeSetAside: false },
): FileReport {
  if (!analysis.recognised) {
    return failedReport(
      file,
      "not-monitoring-document",
      "This does not look like a Scrutiny Monitoring progress update: no recommendations and no review header were found.",
    );
  }
  const { document, totals } = analysis;
  const parted = partitionFindings(analysis.findings, setAsideOptions.records, document);
  const findings = setAsideOptions.includeSetAside ? analysis.findings : parted.shown;
  const statuses = recommendationStatuses(document, findings);
  const review = reviewName(document);
  const latest = describeLatestUpdate(latestUpdate(totals));
  return {
    file,
    ok: !findings.some((f) => f.severity === "error"),
    ...(review ? { review } : {}),
    ...(latest ? { latestUpdate: latest } : {}),
    gradeNames: jsonGradeNames(document.gradeNames),
    recommendations: document.recommendations.map((r, i) =>
      jsonRecommendation(r, statuses[i], totals.history[i]?.grades.map((g) => g.label) ?? []),
    ),
    totals: {
      latest: jsonCounts(totals.latest),
      rounds: totals.rounds.map((r) => ({ label: r.label, date: r.month, counts: jsonCounts(r.counts) })),
    },
    findings: findings.map(jsonFinding),
    ...(parted.setAside.length > 0
      ? {
          setAside: parted.setAside.map(({ finding, record }) => ({ ...jsonFinding(finding), reason: record.reason, date: record.date })),
          setAsideCounted: setAsideOptions.includeSetAside,
        }
      : {}),
  };
}

function jsonRecommendation(
  recommendation: Recommendation,
  status: RecommendationStatus,
  /** Each round's update name. */
  updates: readonly string[],
): JsonRecommendation {
  return {
    number: recommendation.number,
    text: recommendation.text,
    complete: status.complete,
    missing: status.missing,
    rounds: recommendation.rounds.map((round, i) => jsonRound(round, updates[i] ?? round.label)),
  };
}

function jsonGradeNames(names: Readonly<Record<GradeNumber, string>>): JsonGradeNames {
  return { "1": names[1], "2": names[2], "3": names[3], "4": names[4] };
}

function jsonRound(round: Round, update: string): JsonRound {
  return {
    label: update,
    date: round.month,
    evidence: nonBlank(round.evidence?.text),
    grade: round.assessment?.grade ?? null,
    explanation: nonBlank(round.assessment?.explanation),
    impact: nonBlank(round.impact?.text),
  };
}

function jsonFinding(finding: Finding): JsonFinding {
  return {
    severity: finding.severity,
    code: finding.code,
    ...(finding.recommendation !== undefined ? { recommendation: finding.recommendation } : {}),
    ...(finding.round !== undefined ? { round: finding.round } : {}),
    message: finding.message,
    ...(finding.detail !== undefined ? { detail: finding.detail } : {}),
  };
}

function jsonCounts(counts: GradeCounts): JsonCounts {
  return { "1": counts[1], "2": counts[2], "3": counts[3], "4": counts[4], none: counts.none };
}

/** The officer's text as written, or null when there is nothing but whitespace. */
function nonBlank(text: string | null | undefined): string | null {
  return text != null && text.trim() !== "" ? text : null;
}

/** The recommendation's latest round, or null when it has no progress update yet. */
export function latestRound(recommendation: JsonRecommendation): JsonRound | null {
  return recommendation.rounds.length > 0 ? recommendation.rounds[recommendation.rounds.length - 1] : null;
}


/** 0 every file complete, 1 some file has an error finding, 2 some file has no report (or a path was bad). */
export function exitCode(reports: readonly FileReport[], badPaths: boolean): 0 | 1 | 2 {
  if (badPaths || reports.some((r) => r.error !== undefined)) return 2;
  return reports.every((r) => r.ok) ? 0 : 1;
}

/** "1 error, 2 warnings" — zero counts left out; "no findings" when there are none. */
export function describeCounts(findings: readonly JsonFinding[]): string {
  const counts = countBySeverity(findings);
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, "error"));
  if (counts.warning > 0) parts.push(plural(counts.warning, "warning"));
  if (counts.info > 0) parts.push(plural(counts.info, "note"));
  return parts.length > 0 ? parts.join(", ") : "no findings";
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** How the latest update of a recommendation stands, in a few words. */
export function latestState(recommendation: JsonRecommendation): string {
  if (recommendation.rounds.length === 0) return "no progress update";
  if (recommendation.missing.length > 0) return `missing ${recommendation.missing.join(", ")}`;
  return recommendation.complete ? "complete" : "see findings";
}

/** "2 On-Track" (in the document's own key's words), or "no grade". */
export function gradeText(grade: GradeNumber | null, names: JsonGradeNames): string {
  return grade === null ? "no grade" : `${grade} ${names[grade]}`;
}
