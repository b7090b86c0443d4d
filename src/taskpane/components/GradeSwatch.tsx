import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { GRADE_COLOURS, gradePattern, type GradeKey } from "../grades";

export const useGradeFillStyles = makeStyles({
  fill: {
    boxSizing: "border-box",
    // Stands out on every background: the strongest stroke meant for controls (≥ 3:1).
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStrokeAccessible),
    "@media (forced-colors: active)": {
      // The pattern carries the grade where the system takes the colours away.
      forcedColorAdjust: "none",
      backgroundColor: "Canvas !important",
      ...shorthands.borderColor("CanvasText"),
    },
  },
  // "No grade": a slash through, not an empty box (which would read as an unticked checkbox).
  none: {
    "@media (forced-colors: active)": {
      backgroundImage:
        "linear-gradient(to top right, transparent calc(50% - 1px), CanvasText calc(50% - 1px), CanvasText calc(50% + 1px), transparent calc(50% + 1px)) !important",
    },
  },
  solidForced: {
    "@media (forced-colors: active)": { backgroundColor: "CanvasText !important" },
  },
  2: { "@media (forced-colors: active)": { backgroundImage: `${gradePattern(2, "CanvasText")} !important` } },
  3: { "@media (forced-colors: active)": { backgroundImage: `${gradePattern(3, "CanvasText")} !important` } },
  4: { "@media (forced-colors: active)": { backgroundImage: `${gradePattern(4, "CanvasText")} !important` } },
});

/** Colour and pattern of a grade, for a swatch or a bar segment. */
export function gradeFill(grade: GradeKey): { backgroundColor: string; backgroundImage: string } {
  return { backgroundColor: GRADE_COLOURS[grade], backgroundImage: gradePattern(grade) };
}

export function useGradeFillClass(grade: GradeKey): string {
  const styles = useGradeFillStyles();
  return mergeClasses(
    styles.fill,
    grade === "none" && styles.none,
    grade === 1 && styles.solidForced,
    (grade === 2 || grade === 3 || grade === 4) && styles[grade],
  );
}

const useStyles = makeStyles({
  swatch: {
    display: "inline-block",
    flexShrink: 0,
    width: "14px",
    height: "14px",
    borderRadius: tokens.borderRadiusSmall,
  },
});

/** The grade's traffic-light colour and pattern. Decorative: the grade's number and name are always beside it. */
export function GradeSwatch({ grade }: { grade: GradeKey }) {
  const styles = useStyles();
  const fill = useGradeFillClass(grade);
  return <span aria-hidden className={mergeClasses(styles.swatch, fill)} style={gradeFill(grade)} />;
}
