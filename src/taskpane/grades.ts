import { tokens } from "@fluentui/react-components";
import { GRADE_NAMES, GRADES, type Grade } from "../model";

/** The grades' names as the document's key gives them (MonitoringDocument.gradeNames). */
export type GradeNames = Readonly<Record<Grade, string>>;

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

/** "1 Fully Achieved" (in the document's own key's words), "No grade". */
export function gradeKeyLabel(key: GradeKey, names: GradeNames = GRADE_NAMES): string {
  return key === "none" ? "No grade" : `${key} ${names[key]}`;
}

/** Ink of the patterns drawn over the grade colours (a forced-colours system colour replaces it there). */
const INK = "rgba(0, 0, 0, 0.55)";

/**
 * A pattern for each grade, so a grade is told by more than its colour (and under forced colours,
 * where the colours are gone, by the pattern alone): 1 plain, 2 diagonal stripes, 3 level stripes, 4 cross-hatch,
 * none empty.
 */
export function gradePattern(key: GradeKey, ink: string = INK): string {
  switch (key) {
    case 1:
      return "none";
    case 2:
      return `repeating-linear-gradient(45deg, ${ink} 0 2px, transparent 2px 6px)`;
    case 3:
      return `repeating-linear-gradient(0deg, ${ink} 0 2px, transparent 2px 5px)`;
    case 4:
      return `repeating-linear-gradient(45deg, ${ink} 0 1.5px, transparent 1.5px 6px), repeating-linear-gradient(-45deg, ${ink} 0 1.5px, transparent 1.5px 6px)`;
    case "none":
      return "none";
  }
}
