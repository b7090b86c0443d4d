import { formatMonth } from "../../model/dates";
import type { Plan } from "../../model/plan";
import type { Month } from "../../model/types";
import { plural } from "../words";

/** "2026-11" for the officer's own calendar month. */
export function monthOf(date: Date): Month {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

/** "2026-11-30", the officer's own date (not UTC), for the summary's "made on". */
export function dayOf(date: Date): string {
  return `${monthOf(date)}-${String(date.getDate()).padStart(2, "0")}`;
}

/** "a November 2026 update" / "an August 2026 update". */
export function anUpdate(month: Month): string {
  const name = formatMonth(month);
  return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name} update`;
}

/** "Added a November 2026 update to 7 recommendations". */
export function addedLine(plan: Plan): string {
  const round = plan.round;
  if (!round) return plan.description;
  return `Added ${anUpdate(round.month)} to ${plural(round.recommendations.length, "recommendation")}`;
}

/** "Removed the November 2026 update from 7 recommendations". */
export function removedLine(plan: Plan): string {
  const round = plan.round;
  if (!round) return plan.description;
  return `Removed the ${formatMonth(round.month)} update from ${plural(round.recommendations.length, "recommendation")}`;
}

/** "Recommendation 6 already has a November 2026 update: skipped". */
export function skippedLine(skipped: { recommendation: string; reason: string }): string {
  return `Recommendation ${skipped.recommendation} ${skipped.reason.replace(/[.\s]+$/, "")}: skipped`;
}

/** A plan's own description without its closing full stop, so lines read alike. */
export function describePlan(plan: Plan): string {
  return plan.description.replace(/[.\s]+$/, "");
}
