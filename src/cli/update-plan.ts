/** Each `scrutiny-update` command as the engine's plan: the same planners as the pane's writes. */
import {
  applyPlanToSnapshot,
  isMonitoringDocument,
  parse,
  planAddComments,
  planAddRound,
  planRemoveComments,
  planRemoveRound,
  planSummary,
  type MonitoringDocument,
  type PlanResult,
} from "../model";
import type { SetAsideRecord } from "../model/set-aside";
import type { DocumentSnapshot } from "../model/snapshot";
import { sameSnapshot } from "../docx/write-expect";
import type { UpdateCommand } from "./update-args";

export type CommandPlan =
  | PlanResult
  /** There is nothing to change: every recommendation in scope already is as asked. */
  | { ok: "unchanged"; reason: string }
  /** The file is not a monitoring document at all. */
  | { ok: "not-monitoring"; reason: string };

const NOT_MONITORING =
  "This is not a Scrutiny Monitoring progress-update document (no recommendations were found), so nothing was written.";

/**
 * The command's plan; when the planner gives none, whether that is because there is nothing to do. `setAside`:
 * the findings set aside in the document (its add-in settings), which get no review comment.
 */
export function planFor(
  command: UpdateCommand,
  snapshot: DocumentSnapshot,
  today: string,
  setAside: readonly SetAsideRecord[] = [],
): CommandPlan {
  const planned = planCommand(command, snapshot, today, setAside);
  if (planned.ok !== false) return planned;
  // The document is parsed here only when there is no plan (the planners parse it themselves).
  const document = parse(snapshot);
  if (!isMonitoringDocument(document)) return { ok: "not-monitoring", reason: NOT_MONITORING };
  // No comment to add: the planner says why (nothing found, or nothing that is not set aside).
  if (command.kind === "comments") return { ok: "unchanged", reason: planned.reason };
  return nothingToDo(command, document) ?? planned;
}

function planCommand(command: UpdateCommand, snapshot: DocumentSnapshot, today: string, setAside: readonly SetAsideRecord[]): CommandPlan {
  switch (command.kind) {
    case "add-update": {
      return planAddRound(snapshot, {
        month: command.month,
        recommendations: command.recommendations,
        dropdowns: command.dropdowns,
        today,
      });
    }
    case "remove-update": {
      const scope = command.recommendations === "all" ? undefined : command.recommendations;
      return planRemoveRound(snapshot, { month: command.month, recommendations: scope });
    }
    case "summary": {
      const result = planSummary(snapshot, { place: { kind: "end" }, today });
      if (result.ok && sameSnapshot(applyPlanToSnapshot(snapshot, result.plan), snapshot)) {
        return { ok: "unchanged", reason: "The grade summary is already up to date." };
      }
      return result;
    }
    case "comments":
      return planAddComments(snapshot, setAside);
    case "remove-comments":
      return planRemoveComments(snapshot);
  }
}

/** A planner's refusal that only means there is nothing to do: the update is already there, or not there to remove. */
function nothingToDo(command: UpdateCommand, document: MonitoringDocument): CommandPlan | undefined {
  if (command.kind === "add-update" && everyInScope(document, command.recommendations, (has) => has(command.month))) {
    return { ok: "unchanged", reason: `Every recommendation${scopeWords(command.recommendations)} already has this update.` };
  }
  if (command.kind === "remove-update" && everyInScope(document, command.recommendations, (has) => !has(command.month))) {
    return { ok: "unchanged", reason: `No recommendation${scopeWords(command.recommendations)} has this update.` };
  }
  return undefined;
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
