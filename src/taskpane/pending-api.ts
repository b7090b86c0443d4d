/*
 * TEMPORARY (branch writes-pane only, never landed): the planner and gateway API that branch writes-core is
 * building, as COMMON.md gives it, so the Update panel can be written before it lands. Deleted on merging main.
 */
import type { Plan } from "../model/plan";
import type { Location } from "../model/snapshot";

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

export {};
