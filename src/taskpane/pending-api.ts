/*
 * TEMPORARY (branch writes-pane only, never landed): the planner and gateway API that branch writes-core is
 * building, as COMMON.md gives it, so the Update panel can be written before it lands. Deleted on merging main.
 */
import type { PlanResult, SummaryPlace, Plan } from "../model/plan";
import type { DocumentSnapshot, Location } from "../model/snapshot";

declare module "../model/snapshot" {
  interface DocumentSnapshot {
    trackingChanges?: boolean;
  }
}
declare module "../word/gateway-types" {
  interface WordGateway {
    apply(plan: Plan): Promise<void>;
    cursor(): Promise<Location | null>;
    readSetting(key: string): Promise<unknown>;
    saveSetting(key: string, value: unknown): Promise<void>;
  }
}

const pending = (): never => {
  throw new Error("writes-core has not landed yet");
};
export const planAddRound = (
  _s: DocumentSnapshot,
  _o: { month: string; recommendations: "all" | string[]; dropdowns: boolean; today: string },
): PlanResult => pending();
export const planRemoveRound = (_s: DocumentSnapshot, _o: { month: string; recommendations?: string[] }): PlanResult =>
  pending();
export const planSetGrade = (
  _s: DocumentSnapshot,
  _o: { recommendation: string; round: number; grade: 1 | 2 | 3 | 4 },
): PlanResult => pending();
export const planSummary = (_s: DocumentSnapshot, _o: { place: SummaryPlace; today: string }): PlanResult => pending();
export const planAddComments = (_s: DocumentSnapshot): PlanResult => pending();
export const planRemoveComments = (_s: DocumentSnapshot): PlanResult => pending();
export const recommendationAt = (_s: DocumentSnapshot, _l: Location): string | null => pending();
