import type { PlanResult, SummaryPlace } from "../../model/plan";
import type { DocumentSnapshot, Location } from "../../model/snapshot";
import type { SetAsideRecord } from "../../model/set-aside";
import type { Grade, Month } from "../../model/types";
import {
  planAddComments,
  planAddRound,
  planRemoveComments,
  planRemoveRound,
  planSetGrade,
  planSummary,
  recommendationAt,
} from "../../model";

/** The engine's planners the Update panel uses, in one object so a test can swap one for a failing one. */
export interface Planners {
  addRound(
    snapshot: DocumentSnapshot,
    intent: { month: Month; recommendations: "all" | string[]; dropdowns: boolean; today: string },
  ): PlanResult;
  removeRound(snapshot: DocumentSnapshot, intent: { month: Month; recommendations?: string[] }): PlanResult;
  setGrade(snapshot: DocumentSnapshot, intent: { recommendation: string; round: number; grade: Grade }): PlanResult;
  summary(snapshot: DocumentSnapshot, intent: { place: SummaryPlace; today: string }): PlanResult;
  /** Findings set aside (the document's records) get no comment. */
  addComments(snapshot: DocumentSnapshot, setAside: readonly SetAsideRecord[]): PlanResult;
  removeComments(snapshot: DocumentSnapshot): PlanResult;
  recommendationAt(snapshot: DocumentSnapshot, location: Location): string | null;
}

export const PLANNERS: Planners = {
  addRound: planAddRound,
  removeRound: planRemoveRound,
  setGrade: planSetGrade,
  summary: planSummary,
  addComments: planAddComments,
  removeComments: planRemoveComments,
  recommendationAt,
};
