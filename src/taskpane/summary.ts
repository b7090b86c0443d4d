import type { Analysis, Finding, MonitoringDocument, Severity } from "../model";
import {
  SEVERITIES,
  countBySeverity,
  describeLatestUpdate,
  latestUpdate,
  recommendationStatuses,
  type SeverityCounts,
} from "../model/summary";
import { describeCounts, plural } from "./words";

export { SEVERITIES, countBySeverity, type SeverityCounts };
export { reviewName } from "../model/summary";

export const SEVERITY_NAMES: Readonly<Record<Severity, { one: string; many: string }>> = {
  error: { one: "error", many: "errors" },
  warning: { one: "warning", many: "warnings" },
  info: { one: "note", many: "notes" },
};

/** "2 errors, 1 warning". */
export function describeSeverityCounts(counts: SeverityCounts): string {
  return describeCounts(SEVERITIES.map((s) => [counts[s], SEVERITY_NAMES[s].one, SEVERITY_NAMES[s].many]));
}

export interface FindingGroup {
  /** The recommendation's number as written, or null for findings about the whole document. */
  recommendation: string | null;
  title: string;
  /** Errors first, then warnings, then notes; otherwise in the engine's order. */
  findings: Finding[];
  counts: SeverityCounts;
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

/**
 * Findings about the whole document first, then one group per recommendation in document order
 * (the order an officer works through it). Groups with no findings are left out.
 */
export function groupFindings(findings: readonly Finding[], document: MonitoringDocument): FindingGroup[] {
  const order: (string | null)[] = [null, ...document.recommendations.map((r) => r.number)];
  for (const finding of findings) {
    const key = finding.recommendation ?? null;
    if (!order.includes(key)) order.push(key);
  }
  return order
    .map((recommendation) => {
      const own = findings.filter((f) => (f.recommendation ?? null) === recommendation).sort(bySeverity);
      return {
        recommendation,
        title: recommendation === null ? "Whole document" : `Recommendation ${recommendation}`,
        findings: own,
        counts: countBySeverity(own),
      };
    })
    .filter((group) => group.findings.length > 0);
}

export function completeRecommendations(analysis: Analysis): { complete: number; total: number } {
  const statuses = recommendationStatuses(analysis.document, analysis.findings);
  return { complete: statuses.filter((s) => s.complete).length, total: statuses.length };
}

/** The name of the latest update, e.g. "November 2023", or null when there are none. */
export function latestUpdateName(analysis: Analysis): string | null {
  const rounds = analysis.totals.rounds;
  return rounds.length > 0 ? rounds[rounds.length - 1].label : null;
}

/**
 * When recommendations' latest updates differ, which one "latest" means and who is in it (shown
 * under the status line); null when every recommendation is in the newest update.
 */
export function latestUpdateNote(analysis: Analysis): string | null {
  return describeLatestUpdate(latestUpdate(analysis.totals));
}

/** The one-line status under the review's name (for a recognised monitoring document). */
export function statusLine(analysis: Analysis): string {
  const { complete, total } = completeRecommendations(analysis);
  if (total === 0) return "No recommendations found.";
  if (latestUpdateNote(analysis) !== null) {
    return `${complete} of ${plural(total, "recommendation")} complete for their latest update`;
  }
  const latest = latestUpdateName(analysis);
  const when = latest ? ` (${latest})` : "";
  if (complete === total) {
    return total === 1
      ? `The recommendation is complete for the latest update${when}`
      : `All ${total} recommendations are complete for the latest update${when}`;
  }
  return `${complete} of ${plural(total, "recommendation")} complete for the latest update${when}`;
}

/** What a screen reader hears when a check finishes. */
export function checkAnnouncement(analysis: Analysis): string {
  if (!analysis.recognised) return "Check complete: this is not a Scrutiny Monitoring progress update.";
  return `Check complete: ${describeSeverityCounts(countBySeverity(analysis.findings))}.`;
}
