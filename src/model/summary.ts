import type { Finding, MonitoringDocument, Severity, Totals } from "./types";

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

/** Which update "latest" means, and who is in it: the cycles of each recommendation's last round. */
export interface LatestUpdate {
  /** The newest update's name ("November 2023"), or null when no recommendation has one. */
  newest: string | null;
  /** Recommendations whose last round is in the newest update. */
  inNewest: number;
  /** Every recommendation. */
  total: number;
  /** The others, by the update they were last given ("none" for no update at all), oldest first. */
  others: { update: string | null; recommendations: string[] }[];
}

export function latestUpdate(totals: Totals): LatestUpdate {
  const newest = totals.rounds.length > 0 ? totals.rounds[totals.rounds.length - 1].label : null;
  const others = new Map<string | null, string[]>();
  let inNewest = 0;
  for (const history of totals.history) {
    const last = history.grades.length > 0 ? history.grades[history.grades.length - 1].label : null;
    if (last !== null && last === newest) {
      inNewest++;
      continue;
    }
    const list = others.get(last);
    if (list) list.push(history.recommendation);
    else others.set(last, [history.recommendation]);
  }
  const order = totals.rounds.map((round) => round.label);
  return {
    newest,
    inNewest,
    total: totals.history.length,
    others: [...others]
      .map(([update, recommendations]) => ({ update, recommendations }))
      .sort((a, b) => (a.update === null ? -1 : b.update === null ? 1 : order.indexOf(a.update) - order.indexOf(b.update))),
  };
}

/** "Recommendation 4", "Recommendations 4 and 6", "Recommendations 2, 4 and 6". */
export function recommendationList(numbers: readonly string[]): string {
  if (numbers.length === 1) return `Recommendation ${numbers[0]}`;
  return `Recommendations ${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

/**
 * When recommendations' last updates fall in different updates, which one "latest" means and how
 * many are in it: "The latest update is November 2023, which 2 of the 3 recommendations have;
 * Recommendation 6 was last updated in February 2023." Null when every recommendation is in it.
 */
export function describeLatestUpdate(latest: LatestUpdate): string | null {
  if (latest.newest === null || latest.others.length === 0) return null;
  const others = latest.others.map(({ update, recommendations }) => {
    const many = recommendations.length > 1;
    return update === null
      ? `${recommendationList(recommendations)} ${many ? "have" : "has"} no update yet`
      : `${recommendationList(recommendations)} ${many ? "were" : "was"} last updated in ${update}`;
  });
  const have = latest.inNewest === 1 ? "has" : "have";
  return `The latest update is ${latest.newest}, which ${latest.inNewest} of the ${latest.total} recommendations ${have}; ${others.join("; ")}.`;
}
