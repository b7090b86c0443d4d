import { groupCycles, type CyclePlan } from "./cycles";
import type { Grade, GradeCounts, GradeHistory, MonitoringDocument, Round, RoundTotals, Totals } from "./types";

/**
 * The grades added up: each recommendation's latest round, every update cycle across the document
 * (see groupCycles for how rounds are matched), and each recommendation's grade history, whose
 * labels are the cycles' labels so histories line up with the rounds. `plan` is the document's update
 * cycles (groupCycles), when the caller has them already.
 */
export function totals(document: MonitoringDocument, plan?: CyclePlan): Totals {
  const { cycles, roundCycle } = plan ?? groupCycles(document);
  const latest = emptyCounts();
  const rounds: RoundTotals[] = cycles.map((cycle) => ({ label: cycle.label, month: cycle.month, counts: emptyCounts() }));

  // Plain loops: a closure per recommendation and per round costs more than the counting, cold.
  const recommendations = document.recommendations;
  const history: GradeHistory[] = [];
  for (let rec = 0; rec < recommendations.length; rec++) {
    const recommendation = recommendations[rec];
    const last = recommendation.rounds[recommendation.rounds.length - 1];
    count(latest, last ? gradeOf(last) : null);
    const grades: GradeHistory["grades"] = [];
    for (let index = 0; index < recommendation.rounds.length; index++) {
      const round = recommendation.rounds[index];
      const cycle = cycles[roundCycle[rec][index]];
      count(rounds[roundCycle[rec][index]].counts, gradeOf(round));
      grades.push({ label: cycle.label, month: round.month, grade: gradeOf(round) });
    }
    history.push({ recommendation: recommendation.number, grades });
  }
  return { latest, rounds, history };
}

export function emptyCounts(): GradeCounts {
  return { 1: 0, 2: 0, 3: 0, 4: 0, none: 0 };
}

function gradeOf(round: Round): Grade | null {
  return round.assessment?.grade ?? null;
}

function count(counts: GradeCounts, grade: Grade | null): void {
  if (grade === null) counts.none++;
  else counts[grade]++;
}
