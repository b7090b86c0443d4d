import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Field, Link, Radio, RadioGroup, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LocationRegular, CheckmarkRegular } from "@fluentui/react-icons";
import { GRADES, gradeWording, type Grade, type Recommendation } from "../../model";
import { GradeSwatch } from "../components/GradeSwatch";
import { Section, WriteStatus, useSectionStyles, type SectionProps } from "./section";
import type { GradeTarget } from "./grade-target";
import { OUTSIDE_MESSAGE, useCursor } from "./useCursor";

export const GRADE_SOURCE = "set-grade";

const useStyles = makeStyles({
  gradeLabel: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  needs: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: "none" },
});



/** The latest update of each recommendation whose latest update has no grade. */
function ungraded(recommendations: readonly Recommendation[]): GradeTarget[] {
  return recommendations.flatMap((r) => {
    const latest = r.rounds.at(-1);
    return latest && latest.assessment?.grade == null ? [{ recommendation: r.number, round: latest.index }] : [];
  });
}

/** Grade an update: pick a recommendation (or the cursor's), one of its updates, and a grade on the scale. */
export function GradeUpdate(props: SectionProps & { start?: GradeTarget | null }) {
  const { gateway, snapshot, analysis, planners, busy, state, write, start } = props;
  const styles = useSectionStyles();
  const own = useStyles();
  const recommendations = analysis.document.recommendations;
  // The grades worded as the document's own key words them ("1. Fully Achieved"), as the write will put them.
  const wording = useMemo(() => gradeWording(analysis.document), [analysis.document]);
  const needs = useMemo(() => ungraded(recommendations), [recommendations]);
  const { cursor, find } = useCursor(gateway, snapshot, planners);

  const first = needs[0] ?? (recommendations[0] ? { recommendation: recommendations[0].number, round: -1 } : null);
  const [target, setTarget] = useState<GradeTarget | null>(start ?? first);
  const firstGrade = useRef<HTMLInputElement>(null);

  // Opened from a finding's "Set grade…": bring the picker into view with the keyboard on its suggested (or first) grade.
  useEffect(() => {
    if (!start) return;
    firstGrade.current?.scrollIntoView?.({ block: "center" });
    firstGrade.current?.focus();
  }, [start]);
  const [grade, setGrade] = useState<Grade | null>(start?.suggested ?? null);

  const recommendation = recommendations.find((r) => r.number === target?.recommendation) ?? null;
  const rounds = recommendation?.rounds ?? [];
  const roundIndex = target && target.round >= 0 && target.round < rounds.length ? target.round : rounds.length - 1;
  const round = rounds[roundIndex] ?? null;
  const current = round?.assessment?.grade ?? null;

  const choose = (next: GradeTarget): void => {
    setTarget(next);
    setGrade(null);
  };

  const takeCursor = async (): Promise<void> => {
    const found = await find();
    if (found.status === "found") choose({ recommendation: found.recommendation, round: -1 });
  };

  const set = (): Promise<void> => {
    if (!recommendation || !round || grade === null) return Promise.resolve();
    const number = recommendation.number;
    const chosen = grade;
    return write({
      source: GRADE_SOURCE,
      label: "Setting the grade…",
      plan: () => planners.setGrade(snapshot, { recommendation: number, round: round.index, grade: chosen }),
      done: () => `Recommendation ${number}'s ${round.label} update is now graded ${wording[chosen]}`,
    });
  };

  if (recommendations.length === 0) return null;

  return (
    <Section id={GRADE_SOURCE} title="Grade an update">
      {needs.length > 0 && (
        <>
          <Text as="p" className={styles.paragraph}>
            Latest updates with no grade:
          </Text>
          <ul className={own.needs} aria-label="Latest updates with no grade">
            {needs.map((n) => (
              <li key={n.recommendation}>
                <Link as="button" disabled={busy} onClick={() => choose(n)}>
                  Recommendation {n.recommendation}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.row}>
        <Field label="Recommendation">
          <Select
            value={recommendation?.number ?? ""}
            disabled={busy}
            onChange={(_e, data) => choose({ recommendation: data.value, round: -1 })}
          >
            {recommendations.map((r) => (
              <option key={r.number} value={r.number}>
                Recommendation {r.number}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<LocationRegular />} disabledFocusable={busy || cursor.status === "reading"} onClick={() => void takeCursor()}>
          Where the cursor is
        </Button>
      </div>
      {cursor.status === "outside" && <Text className={styles.problem}>{OUTSIDE_MESSAGE}</Text>}
      {cursor.status === "failed" && <Text className={styles.problem}>Could not find the cursor. {cursor.message}</Text>}
      {recommendation && rounds.length === 0 && (
        <Text as="p" className={styles.problem}>
          Recommendation {recommendation.number} has no updates yet: add one first.
        </Text>
      )}
      {recommendation && round && (
        <>
          <Field label="Update">
            <Select
              value={String(roundIndex)}
              disabled={busy}
              onChange={(_e, data) => choose({ recommendation: recommendation.number, round: Number(data.value) })}
            >
              {rounds.map((r, i) => (
                <option key={r.index} value={String(i)}>
                  {r.label}
                  {i === rounds.length - 1 ? " (latest)" : ""}
                </option>
              ))}
            </Select>
          </Field>
          <Text as="p" className={styles.paragraph}>
            Its grade now: {current === null ? "none" : wording[current]}
          </Text>
          <RadioGroup
            aria-label={`Grade for Recommendation ${recommendation.number}'s ${round.label} update`}
            value={grade === null ? "" : String(grade)}
            disabled={busy}
            onChange={(_e, data) => setGrade(Number(data.value) as Grade)}
          >
            {GRADES.map((g) => (
              <Radio
                key={g}
                input={g === (start?.suggested ?? 1) ? { ref: firstGrade } : undefined}
                value={String(g)}
                label={
                  <span className={own.gradeLabel}>
                    <GradeSwatch grade={g} />
                    {wording[g]}
                  </span>
                }
              />
            ))}
          </RadioGroup>
          <Text as="p" className={styles.hint}>
            The grade goes at the start of the Assessment of Progress cell; the explanation already there is kept.
          </Text>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<CheckmarkRegular />}
              disabledFocusable={busy || grade === null || grade === current}
              onClick={() => void set()}
            >
              Set grade
            </Button>
          </div>
        </>
      )}
      <WriteStatus state={state} source={GRADE_SOURCE} />
    </Section>
  );
}
