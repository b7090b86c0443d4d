import { makeStyles, tokens } from "@fluentui/react-components";
import { GRADE_COLOURS, type GradeKey } from "../grades";

const useStyles = makeStyles({
  swatch: {
    display: "inline-block",
    flexShrink: 0,
    width: "12px",
    height: "12px",
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/** The grade's traffic-light colour. Decorative: the grade's number and name are always beside it. */
export function GradeSwatch({ grade }: { grade: GradeKey }) {
  const styles = useStyles();
  return <span aria-hidden className={styles.swatch} style={{ backgroundColor: GRADE_COLOURS[grade] }} />;
}
