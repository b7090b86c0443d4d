import type { Location } from "./snapshot";
import type { PlanResult } from "./plan";
import { GRADES } from "./types";

/**
 * A grade the user chose in our dropdown directly in the document (the preview's page, as in Word),
 * as a plan an applier can replay on a copy of the document: the set-grade write that chooses that
 * item. It expects nothing, as the choice was made on the document itself, not planned from a scan.
 * `items` are the dropdown's items in order (the four grades as the key words them).
 */
export function planChooseItem(location: Location | null, items: readonly string[], item: string): PlanResult {
  const index = items.indexOf(item);
  const grade = GRADES[index];
  if (!location || location.kind !== "cell") return { ok: false, reason: "The dropdown is not in a table cell." };
  if (index < 0 || items.length !== GRADES.length || grade === undefined) return { ok: false, reason: `“${item}” is not one of the dropdown's grades.` };
  return {
    ok: true,
    plan: {
      kind: "set-grade",
      expect: [],
      writes: [{ kind: "set-grade", location, grade, text: item, replace: null, dropdown: true, items: [...items] }],
      description: `Chose ${item} in a grade dropdown.`,
      skipped: [],
    },
  };
}
