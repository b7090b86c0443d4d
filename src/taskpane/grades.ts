import { tokens } from "@fluentui/react-components";
import { GRADE_NAMES, GRADES, type Grade } from "../model";

/** A column of the grade key: a grade on the council's scale, or "none" (no grade given). */
export type GradeKey = Grade | "none";

export const GRADE_KEYS: readonly GradeKey[] = [...GRADES, "none"];

/**
 * The council's traffic-light key, defined once. Council trackers use Green (achieved) / Amber
 * (acceptable progress) / Red (unacceptable); the 1–4 scale has two middle steps, so On-Track takes
 * the amber-green step (yellow) and Slipped takes amber. These are Fluent's status palette colours,
 * which keep the same hue in light and dark themes. Colour is never the only signal: every swatch
 * sits beside the grade's number and name.
 */
export const GRADE_COLOURS: Readonly<Record<GradeKey, string>> = {
  1: tokens.colorPaletteGreenBackground3,
  2: tokens.colorPaletteYellowBackground3,
  3: tokens.colorPaletteMarigoldBackground3,
  4: tokens.colorPaletteRedBackground3,
  none: tokens.colorNeutralStrokeAccessible,
};

/** "1 Fully Achieved", "No grade". */
export function gradeKeyLabel(key: GradeKey): string {
  return key === "none" ? "No grade" : `${key} ${GRADE_NAMES[key]}`;
}
