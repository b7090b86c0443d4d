import type { Finding, Grade, Location, MonitoringDocument } from "../../model";

/** Which update the grade picker is on: a recommendation and the index of one of its rounds (-1: the latest). */
export interface GradeTarget {
  recommendation: string;
  round: number;
  /** A grade to offer first: the one the officer wrote in the wrong row. */
  suggested?: Grade;
}

function same(a: Location | null | undefined, b: Location | null): boolean {
  return !!a && !!b && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The update a missing-grade finding is about: the round of its recommendation that holds the finding's place
 * (its Assessment, or the row a misplaced grade is in), else the latest; a grade written in the wrong row is
 * suggested.
 */
export function gradeTargetOf(finding: Finding, document: MonitoringDocument): GradeTarget | null {
  const recommendation = document.recommendations.find((r) => r.number === finding.recommendation);
  if (!recommendation) return null;
  const round = recommendation.rounds.find(
    (r) =>
      same(r.assessment?.location, finding.location) ||
      same(r.evidence?.location, finding.location) ||
      same(r.impact?.location, finding.location) ||
      r.misplacedGrades.some((m) => same(m.location, finding.location)),
  );
  const suggested = round?.misplacedGrades[0]?.grade;
  return { recommendation: recommendation.number, round: round ? round.index : -1, ...(suggested ? { suggested } : {}) };
}
