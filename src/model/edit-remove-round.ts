import type { DocumentSnapshot, SnapshotRow } from "./snapshot";
import type { Expectation, PlanResult, Write } from "./plan";
import type { Month, Recommendation, Round } from "./types";
import { formatMonth } from "./dates";
import { parse } from "./parse";
import { bottomUp, findRecommendation, rowAt, shapeExpectations, tablesOf, textAt } from "./edit-locate";
import { COLUMN_LAYOUT, NOT_MONITORING, ROUND_PARTS, count, roundLabels } from "./edit-add-round";
import { hasContent, isUnchosenGrade } from "./text";

export interface RemoveRoundIntent {
  month: Month;
  /** The recommendations the last Add gave the update to; all with a round in that month when absent. */
  recommendations?: string[];
}

/**
 * Deletes the three rows of a month's round from each recommendation, only while every one of them
 * still holds just what Add wrote: the labels, empty values, an unchosen grade dropdown. Otherwise
 * nothing is deleted and the reason names the recommendation whose rows hold text.
 */
export function planRemoveRound(snapshot: DocumentSnapshot, intent: RemoveRoundIntent): PlanResult {
  if (!/^\d{4}-\d{2}$/.test(intent.month)) return { ok: false, reason: `"${intent.month}" is not a month.` };
  const document = parse(snapshot);
  if (document.recommendations.length === 0) return { ok: false, reason: NOT_MONITORING };
  if (document.layout === "columns") return { ok: false, reason: COLUMN_LAYOUT };
  const date = formatMonth(intent.month);
  const tables = tablesOf(snapshot);
  const labels = roundLabels(document, intent.month);

  let recommendations: Recommendation[];
  const skipped: { recommendation: string; reason: string }[] = [];
  if (intent.recommendations) {
    recommendations = [];
    for (const number of intent.recommendations) {
      const found = findRecommendation(document, number);
      if (found) recommendations.push(found);
      else skipped.push({ recommendation: number, reason: "is no longer in the document" });
    }
  } else {
    recommendations = document.recommendations.filter((r) => r.rounds.some((round) => round.month === intent.month));
  }

  const deletes: { table: number; row: number; recommendation: string }[] = [];
  const texts: Expectation[] = [];
  for (const recommendation of recommendations) {
    const rounds = recommendation.rounds.filter((round) => round.month === intent.month);
    if (rounds.length === 0) {
      skipped.push({ recommendation: recommendation.number, reason: `has no ${date} update` });
      continue;
    }
    const round = rounds[rounds.length - 1];
    const start = addedRows(round, tables, labels);
    if (start === null) {
      return {
        ok: false,
        reason: `Recommendation ${recommendation.number}'s ${date} update already holds text (or is no longer as it was added), so nothing was removed.`,
      };
    }
    deletes.push({ table: start.table, row: start.row, recommendation: recommendation.number });
    for (let r = 0; r < 3; r++) {
      for (const c of tables[start.table].rows[start.row + r].cells) {
        const expectation = textAt(snapshot, tables, c.location);
        if (expectation) texts.push(expectation);
      }
    }
  }
  if (deletes.length === 0) {
    return { ok: false, reason: `No recommendation has a ${date} update to remove.` };
  }
  const removed = deletes.map((d) => d.recommendation);
  const writes: Write[] = bottomUp(deletes).map((d) => ({ kind: "delete-rows", table: d.table, row: d.row, count: 3 }));
  return {
    ok: true,
    plan: {
      kind: "remove-round",
      expect: [...shapeExpectations(tables, deletes.map((d) => d.table)), ...texts],
      writes,
      description: `Removes the ${date} update from ${count(removed.length, "recommendation")} (3 rows each).`,
      skipped,
      round: { month: intent.month, recommendations: removed },
    },
  };
}

/**
 * Where the round's three rows start, when they are exactly what Add wrote: three consecutive rows
 * of one table, labelled as Add labels them, every other cell empty (the Assessment value may hold
 * the unchosen dropdown), and nothing after them read into the round. Null otherwise.
 */
function addedRows(
  round: Round,
  tables: ReturnType<typeof tablesOf>,
  labels: Record<(typeof ROUND_PARTS)[number], string>,
): { table: number; row: number } | null {
  const first = round.evidence?.labelLocation;
  if (!first || first.kind !== "cell" || first.cell !== 0) return null;
  const end = round.end;
  if (!end || end.kind !== "cell" || end.table !== first.table || end.row !== first.row + 2) return null;
  for (let r = 0; r < 3; r++) {
    const row = rowAt(tables, first.table, first.row + r);
    if (!row || !holdsOnly(row, labels[ROUND_PARTS[r]], ROUND_PARTS[r] === "assessment")) return null;
  }
  return { table: first.table, row: first.row };
}

function holdsOnly(row: SnapshotRow, label: string, dropdown: boolean): boolean {
  const [labelCell, ...values] = row.cells;
  if (!labelCell) return false;
  const written = labelCell.paragraphs.filter(hasContent);
  if (written.length !== 1 || written[0].trim().toLowerCase() !== label.toLowerCase()) return false;
  return values.every((cell, i) =>
    cell.paragraphs.every((p) => !hasContent(p) || (dropdown && i === 0 && isUnchosenGrade(p))),
  );
}
