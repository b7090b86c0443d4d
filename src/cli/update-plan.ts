/** Each `scrutiny-update` command as the engine's plan: the same planners as the pane's writes. */
import { applyPlanToSnapshot, planAddRound, planRemoveRound, planSummary, type MonitoringDocument, type PlanResult } from "../model";
import type { DocumentSnapshot } from "../model/snapshot";
import { sameSnapshot } from "../docx/write-expect";
import type { UpdateCommand } from "./update-args";

export type CommandPlan =
  | PlanResult
  /** There is nothing to change: every recommendation in scope already is as asked. */
  | { ok: "unchanged"; reason: string };

export function planFor(command: UpdateCommand, snapshot: DocumentSnapshot, document: MonitoringDocument, today: string): CommandPlan {
  switch (command.kind) {
    case "add-update": {
      const result = planAddRound(snapshot, {
        month: command.month,
        recommendations: command.recommendations,
        dropdowns: command.dropdowns,
        today,
      });
      if (!result.ok && everyInScope(document, command.recommendations, (has) => has(command.month))) {
        return { ok: "unchanged", reason: `Every recommendation${scopeWords(command.recommendations)} already has this update.` };
      }
      return result;
    }
    case "remove-update": {
      const scope = command.recommendations === "all" ? undefined : command.recommendations;
      const result = planRemoveRound(snapshot, { month: command.month, recommendations: scope });
      if (!result.ok && everyInScope(document, command.recommendations, (has) => !has(command.month))) {
        return { ok: "unchanged", reason: `No recommendation${scopeWords(command.recommendations)} has this update.` };
      }
      return result;
    }
    case "summary": {
      const result = planSummary(snapshot, { place: { kind: "end" }, today });
      if (result.ok && sameSnapshot(applyPlanToSnapshot(snapshot, result.plan), snapshot)) {
        return { ok: "unchanged", reason: "The grade summary is already up to date." };
      }
      return result;
    }
  }
}

/** Whether every recommendation in scope (that the document has) passes the test on its update months. */
function everyInScope(
  document: MonitoringDocument,
  scope: string[] | "all",
  test: (has: (month: string) => boolean) => boolean,
): boolean {
  const inScope = document.recommendations.filter((recommendation) => scope === "all" || scope.includes(recommendation.number));
  if (inScope.length === 0 || (scope !== "all" && inScope.length !== new Set(scope).size)) return false;
  return inScope.every((recommendation) => test((month) => recommendation.rounds.some((round) => round.month === month)));
}

function scopeWords(scope: string[] | "all"): string {
  return scope === "all" ? "" : ` chosen (${scope.join(", ")})`;
}
