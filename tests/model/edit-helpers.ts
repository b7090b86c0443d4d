import type { DocumentSnapshot, Location } from "../../src/model/snapshot";
import type { Plan, PlanResult } from "../../src/model/plan";
import type { MonitoringDocument, Round } from "../../src/model/types";

export const TODAY = "2026-12-02";

export function planOf(result: PlanResult): Plan {
  if (!result.ok) throw new Error(`No plan: ${result.reason}`);
  return result.plan;
}

export function refusal(result: PlanResult): string {
  if (result.ok) throw new Error(`Expected a refusal, got a plan: ${result.plan.description}`);
  return result.reason;
}

/** A round as text only (no locations): what an officer sees of it. */
export function roundText(round: Round) {
  return {
    label: round.label,
    month: round.month,
    evidence: round.evidence ? [round.evidence.label, round.evidence.text] : null,
    assessment: round.assessment ? [round.assessment.label, round.assessment.text, round.assessment.grade] : null,
    impact: round.impact ? [round.impact.label, round.impact.text] : null,
  };
}

export function contentOf(document: MonitoringDocument) {
  return document.recommendations.map((r) => ({
    number: r.number,
    text: r.text,
    fields: [r.responsibility?.text, r.targetDate?.text, r.agreedAction?.text, r.successMeasure?.text],
    rounds: r.rounds.map(roundText),
  }));
}

/** Every paragraph and cell text of a snapshot, in document order. */
export function allTexts(snapshot: DocumentSnapshot): string[] {
  const out: string[] = [];
  for (const block of snapshot.blocks) {
    if (block.kind === "paragraph") out.push(block.text);
    else for (const row of block.rows) for (const cell of row.cells) out.push(cell.paragraphs.join("\n"));
  }
  return out;
}

/** Whether `before` is a subsequence of `after` (every item there, in the same order). */
export function isSubsequence(before: readonly string[], after: readonly string[]): boolean {
  let at = 0;
  for (const text of after) if (at < before.length && text === before[at]) at++;
  return at === before.length;
}

export function cellText(snapshot: DocumentSnapshot, location: Location): string[] | null {
  for (const block of snapshot.blocks) {
    if (location.kind === "paragraph" && block.kind === "paragraph" && block.location.paragraph === location.paragraph) return [block.text];
    if (location.kind === "cell" && block.kind === "table" && block.index === location.table) {
      return block.rows[location.row]?.cells[location.cell]?.paragraphs ?? null;
    }
  }
  return null;
}
