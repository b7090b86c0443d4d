import type { Finding, MonitoringDocument, Severity } from "./types";

/** Worst first. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** What a round can lack, in the order an officer fills it in. */
export type RoundGap = "evidence" | "grade" | "impact";

const GAP_CODES: readonly [string, RoundGap][] = [
  ["missing-evidence", "evidence"],
  ["missing-grade", "grade"],
  ["missing-impact", "impact"],
];

export interface RecommendationStatus {
  number: string;
  /** No error finding is about this recommendation: what "complete" means everywhere. */
  complete: boolean;
  /** What its latest round lacks (from the checker's errors), in filling-in order. */
  missing: RoundGap[];
  /** It has at least one progress update. */
  updated: boolean;
}

/** Each recommendation's standing, read from the checker's findings so the pane and the CLI agree with it. */
export function recommendationStatuses(
  document: MonitoringDocument,
  findings: readonly Finding[],
): RecommendationStatus[] {
  const errors = new Map<string, Set<string>>();
  for (const finding of findings) {
    if (finding.severity !== "error" || finding.recommendation === undefined) continue;
    let codes = errors.get(finding.recommendation);
    if (!codes) errors.set(finding.recommendation, (codes = new Set()));
    codes.add(finding.code);
  }
  return document.recommendations.map((recommendation) => {
    const codes = errors.get(recommendation.number);
    return {
      number: recommendation.number,
      complete: codes === undefined,
      missing: codes ? GAP_CODES.filter(([code]) => codes.has(code)).map(([, gap]) => gap) : [],
      updated: recommendation.rounds.length > 0,
    };
  });
}

/** The review's name, e.g. "Scrutiny Review of Careers Provision", or null. */
export function reviewName(document: MonitoringDocument): string | null {
  const name = document.review?.text.trim();
  return name ? name : null;
}
