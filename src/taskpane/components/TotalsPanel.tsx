import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { GradeCounts, GradeHistory, Totals } from "../../model";
import { GRADE_KEYS, gradeKeyLabel, type GradeNames } from "../grades";
import { useSharedStyles } from "./styles";
import { GradeSwatch, gradeFill, useGradeFillClass } from "./GradeSwatch";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  keyRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  keyName: { flexGrow: 1 },
  count: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  table: { tableLayout: "auto" },
  roundCell: { whiteSpace: "nowrap" },
  numberCell: { textAlign: "center", fontVariantNumeric: "tabular-nums", paddingLeft: 0, paddingRight: 0 },
  numberHead: { paddingLeft: 0, paddingRight: 0 },
  columnHead: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "100%",
    gap: tokens.spacingHorizontalXXS,
  },
  historyRow: { display: "flex", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  grades: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  grade: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXXS, fontVariantNumeric: "tabular-nums" },
  arrow: { color: tokens.colorNeutralForeground3 },
  chart: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  chartNote: { color: tokens.colorNeutralForeground2 },
  bars: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  barRow: { display: "grid", gridTemplateColumns: "minmax(6.5em, auto) 1fr", alignItems: "center", gap: tokens.spacingHorizontalS },
  bar: { display: "flex", height: "20px", minWidth: 0 },
  empty: { color: tokens.colorNeutralForeground2 },
});

const GRADE_KEY_ORDER = GRADE_KEYS;

function total(counts: GradeCounts): number {
  return counts[1] + counts[2] + counts[3] + counts[4] + counts.none;
}

function BarSegment({ grade, count, of }: { grade: (typeof GRADE_KEYS)[number]; count: number; of: number }) {
  const fill = useGradeFillClass(grade);
  return <span className={fill} style={{ ...gradeFill(grade), flexGrow: count, flexBasis: 0, minWidth: "4px" }} title={`${count} of ${of}`} />;
}

/** "November 2023: 2 Fully Achieved, 1 On-Track". */
export function barSentence(label: string, counts: GradeCounts, names: GradeNames): string {
  const parts = GRADE_KEY_ORDER.filter((key) => counts[key] > 0).map((key) =>
    key === "none" ? `${counts.none} no grade` : `${counts[key]} ${names[key]}`,
  );
  return `${label}: ${parts.length > 0 ? parts.join(", ") : "no recommendations"}`;
}

/**
 * A stacked bar of the grades for each update, oldest first, so a trend is seen at a glance. Colour
 * and pattern together tell the grades apart (the key above uses the same); the table below is the
 * text alternative, and each bar is also said in words to a screen reader.
 */
function UpdateBars({ totals, gradeNames }: { totals: Totals; gradeNames: GradeNames }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  if (totals.rounds.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="totals-bars">
      <Text as="h2" size={300} weight="semibold" id="totals-bars" className={styles.heading}>
        Grades in each update, newest last
      </Text>
      <ul className={styles.bars}>
        {totals.rounds.map((round, i) => {
          const of = total(round.counts);
          return (
            <li key={`${round.label}-${i}`} className={styles.barRow}>
              <span aria-hidden>{round.label}</span>
              <span className={styles.bar} aria-hidden>
                {GRADE_KEY_ORDER.filter((key) => round.counts[key] > 0).map((key) => (
                  <BarSegment key={key} grade={key} count={round.counts[key]} of={of} />
                ))}
              </span>
              <span className={shared.visuallyHidden}>{barSentence(round.label, round.counts, gradeNames)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function LatestGrades({ totals, gradeNames }: { totals: Totals; gradeNames: GradeNames }) {
  const styles = useStyles();
  const latest = totals.rounds.at(-1)?.label;
  return (
    <section className={styles.section}>
      <Text as="h2" size={300} weight="semibold" id="totals-latest" className={styles.heading}>
        Grades in the latest update{latest ? ` (${latest})` : ""}
      </Text>
      <ul className={styles.list}>
        {GRADE_KEYS.map((key) => (
          <li key={key} className={styles.keyRow}>
            <GradeSwatch grade={key} />
            <span className={styles.keyName}>{gradeKeyLabel(key, gradeNames)}</span>
            <span className={styles.count}>{totals.latest[key]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function UpdatesTable({ totals, gradeNames }: { totals: Totals; gradeNames: GradeNames }) {
  const styles = useStyles();
  if (totals.rounds.length === 0) return null;
  return (
    <section className={styles.section}>
      <Text as="h2" size={300} weight="semibold" id="totals-rounds" className={styles.heading}>
        Grades in every update
      </Text>
      <Table size="extra-small" aria-labelledby="totals-rounds" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Update</TableHeaderCell>
            {GRADE_KEYS.map((key) => (
              <TableHeaderCell
                key={key}
                aria-label={gradeKeyLabel(key, gradeNames)}
                title={gradeKeyLabel(key, gradeNames)}
                className={styles.numberHead}
              >
                <span className={styles.columnHead}>
                  <GradeSwatch grade={key} />
                  {key === "none" ? "None" : key}
                </span>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {totals.rounds.map((round, i) => (
            <TableRow key={`${round.label}-${i}`}>
              <TableCell className={styles.roundCell}>{round.label}</TableCell>
              {GRADE_KEYS.map((key) => (
                <TableCell key={key} className={styles.numberCell}>
                  {round.counts[key]}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** "Recommendation 6: September 2022 grade 2, February 2023 grade 3, November 2023 grade 1". */
export function historySentence(history: GradeHistory): string {
  const parts = history.grades.map((g) => `${g.label} ${g.grade === null ? "no grade" : `grade ${g.grade}`}`);
  return `Recommendation ${history.recommendation}: ${parts.length > 0 ? parts.join(", ") : "no updates"}`;
}

function History({ history }: { history: GradeHistory }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  return (
    <li>
      <span className={styles.historyRow} aria-hidden>
        <span>Recommendation {history.recommendation}</span>
        <span className={styles.grades}>
          {history.grades.map((g, i) => (
            <span key={i} className={styles.grade}>
              {i > 0 && <span className={styles.arrow}>→</span>}
              <GradeSwatch grade={g.grade ?? "none"} />
              {g.grade ?? "–"}
            </span>
          ))}
        </span>
      </span>
      <span className={shared.visuallyHidden}>{historySentence(history)}</span>
    </li>
  );
}

function Histories({ totals }: { totals: Totals }) {
  const styles = useStyles();
  if (totals.history.length === 0) return null;
  return (
    <section className={styles.section}>
      <Text as="h2" size={300} weight="semibold" id="totals-history" className={styles.heading}>
        Each recommendation&apos;s grades, oldest first
      </Text>
      <ul className={styles.list}>
        {totals.history.map((history) => (
          <History key={history.recommendation} history={history} />
        ))}
      </ul>
    </section>
  );
}

export function TotalsPanel({ totals, gradeNames }: { totals: Totals; gradeNames: GradeNames }) {
  const styles = useStyles();
  return (
    <div className={styles.panel}>
      <LatestGrades totals={totals} gradeNames={gradeNames} />
      <UpdateBars totals={totals} gradeNames={gradeNames} />
      <UpdatesTable totals={totals} gradeNames={gradeNames} />
      <Histories totals={totals} />
    </div>
  );
}
