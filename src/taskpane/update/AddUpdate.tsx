import { useMemo, useState } from "react";
import { Button, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { AddRegular, LocationRegular } from "@fluentui/react-icons";
import type { PlanResult } from "../../model/plan";
import type { Month } from "../../model/types";
import { plural } from "../words";
import { rememberAdded } from "./last-added";
import { MonthPicker } from "./MonthPicker";
import { Section, WriteStatus, useSectionStyles, type SectionProps } from "./section";
import { OUTSIDE_MESSAGE, useCursor, type CursorState } from "./useCursor";
import { addedLine, dayOf, describePlan, monthOf, skippedLine } from "./words";

export const ADD_SOURCE = "add-update";

type Scope = "all" | "cursor";

function earliestYear(months: (Month | null)[]): number | null {
  let earliest: number | null = null;
  for (const month of months) {
    if (month === null) continue;
    const year = Number(month.slice(0, 4));
    if (earliest === null || year < earliest) earliest = year;
  }
  return earliest;
}

function CursorLine({ cursor }: { cursor: CursorState }) {
  const styles = useSectionStyles();
  switch (cursor.status) {
    case "unknown":
      return null;
    case "reading":
      return <Text className={styles.hint}>Finding the cursor…</Text>;
    case "found":
      return <Text className={styles.paragraph}>The cursor is in Recommendation {cursor.recommendation}.</Text>;
    case "outside":
      return <Text className={styles.problem}>{OUTSIDE_MESSAGE}</Text>;
    case "failed":
      return <Text className={styles.problem}>Could not find the cursor. {cursor.message}</Text>;
  }
}

/** Add an update: month, scope, what will happen, then Add. */
export function AddUpdate(props: SectionProps & { onShowFindings: () => void }) {
  const { gateway, snapshot, analysis, planners, busy, state, write, now, onShowFindings } = props;
  const styles = useSectionStyles();
  const [month, setMonth] = useState<Month>(() => monthOf(now()));
  const [scope, setScope] = useState<Scope>("all");
  const { cursor, find } = useCursor(gateway, snapshot, planners);
  const dropdowns = gateway.capabilities().wordApi19;
  const recommendations = analysis.document.recommendations;

  const intent = useMemo((): { recommendations: "all" | string[] } | null => {
    if (scope === "all") return { recommendations: "all" };
    return cursor.status === "found" ? { recommendations: [cursor.recommendation] } : null;
  }, [scope, cursor]);

  const planned = useMemo((): PlanResult | null => {
    if (!intent) return null;
    return planners.addRound(snapshot, { month, recommendations: intent.recommendations, dropdowns, today: dayOf(now()) });
  }, [planners, snapshot, month, intent, dropdowns, now]);

  const plan = planned?.ok ? planned.plan : null;
  const adds = plan !== null && plan.writes.length > 0;

  const add = (): Promise<void> =>
    write({
      source: ADD_SOURCE,
      label: "Adding the update…",
      plan: () =>
        intent
          ? planners.addRound(snapshot, { month, recommendations: intent.recommendations, dropdowns, today: dayOf(now()) })
          : { ok: false, reason: OUTSIDE_MESSAGE },
      after: (done) => rememberAdded(gateway, done, now()),
      afterProblem:
        "The update was added, but the document could not remember it, so Remove the update just added cannot take it out again (delete its rows by hand if you need to).",
      done: addedLine,
    });

  const chooseScope = (next: Scope): void => {
    setScope(next);
    if (next === "cursor") void find();
  };

  return (
    <Section id={ADD_SOURCE} title="Add an update">
      <Text as="p" className={styles.hint}>
        Adds the three rows of a new progress update after each recommendation&apos;s latest update, dated and
        worded as the template words them, with the values left for you to fill in.
      </Text>
      <MonthPicker
        legend="Month of the update"
        value={month}
        onChange={setMonth}
        currentYear={now().getFullYear()}
        earliestYear={earliestYear(recommendations.flatMap((r) => r.rounds.map((round) => round.month)))}
        disabled={busy}
      />
      <RadioGroup
        aria-label="Which recommendations"
        value={scope}
        disabled={busy}
        onChange={(_e, data) => chooseScope(data.value as Scope)}
      >
        <Radio value="all" label={`Every recommendation (${recommendations.length})`} />
        <Radio value="cursor" label="Only the recommendation where the cursor is" />
      </RadioGroup>
      {scope === "cursor" && (
        <div className={styles.actions}>
          <CursorLine cursor={cursor} />
          <Button size="small" icon={<LocationRegular />} disabledFocusable={busy || cursor.status === "reading"} onClick={() => void find()}>
            Find the cursor
          </Button>
        </div>
      )}
      {planned && (
        <ul className={styles.preview} aria-label="What Add will do">
          {planned.ok ? (
            <>
              {adds && <li>{describePlan(planned.plan)}</li>}
              {planned.plan.skipped.map((s) => (
                <li key={s.recommendation}>{skippedLine(s)}</li>
              ))}
              {!adds && <li>Nothing to add.</li>}
              {adds && (
                <li>
                  {dropdowns
                    ? "Each new Assessment of Progress cell starts with a grade dropdown (Choose a grade)."
                    : "This version of Word cannot add grade dropdowns: type the grade, or use Grade an update below."}
                </li>
              )}
              {adds && snapshot.trackingChanges && <li>Track Changes is on: your additions will be tracked.</li>}
            </>
          ) : (
            <li className={styles.problem}>{planned.reason}</li>
          )}
        </ul>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<AddRegular />} disabledFocusable={busy || !adds} onClick={() => void add()}>
          {plan?.round ? `Add to ${plural(plan.round.recommendations.length, "recommendation")}` : "Add"}
        </Button>
      </div>
      <WriteStatus state={state} source={ADD_SOURCE}>
        <div className={styles.actions}>
          <Text className={styles.paragraph}>The new update&apos;s empty rows are now the gaps to fill in.</Text>
          <Button size="small" appearance="secondary" onClick={onShowFindings}>
            Show the findings
          </Button>
        </div>
      </WriteStatus>
    </Section>
  );
}
