import { useState } from "react";
import { Button, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { ArrowSyncRegular, TableAddRegular } from "@fluentui/react-icons";
import { summaryPlaceAt, type Plan, type PlanResult } from "../../model";
import { isSummaryTable } from "../../model/parse";
import type { DocumentSnapshot } from "../../model/snapshot";
import { Section, WriteStatus, useSectionStyles, type SectionProps } from "./section";
import { dayOf } from "./words";

export const SUMMARY_SOURCE = "summary";

type Place = "cursor" | "end";

/** Whether the document already holds the grade summary. */
export function hasSummary(snapshot: DocumentSnapshot): boolean {
  return snapshot.blocks.some((b) => b.kind === "table" && isSummaryTable(b));
}

/** "Inserted the grade summary at the end of the document". */
export function summaryDone(plan: Plan): string {
  const write = plan.writes[0];
  if (write?.kind === "replace-summary") return "Refreshed the grade summary";
  if (write?.kind === "insert-summary" && write.place.kind === "after-paragraph") return "Inserted the grade summary at the cursor";
  return "Inserted the grade summary at the end of the document";
}

/** The grade summary in the document, for committee: insert it at the cursor or the end, or refresh it. */
export function GradeSummary(props: SectionProps) {
  const { gateway, snapshot, planners, busy, state, write, now } = props;
  const styles = useSectionStyles();
  const [place, setPlace] = useState<Place>("end");
  const existing = hasSummary(snapshot);

  const plan = async (): Promise<PlanResult> => {
    const today = dayOf(now());
    if (existing || place === "end") return planners.summary(snapshot, { place: { kind: "end" }, today });
    const at = summaryPlaceAt(await gateway.cursor());
    return at.ok ? planners.summary(snapshot, { place: at.place, today }) : at;
  };

  const run = (): Promise<void> =>
    write({
      source: SUMMARY_SOURCE,
      label: existing ? "Refreshing the summary…" : "Inserting the summary…",
      plan,
      done: (plan) => summaryDone(plan),
    });

  return (
    <Section id={SUMMARY_SOURCE} title="Grade summary in the document">
      <Text as="p" className={styles.hint}>
        A titled table for committee: the latest update&apos;s grades with their names, every update&apos;s counts and each
        recommendation&apos;s grade history, dated today. The checks never count it as monitoring content.
      </Text>
      {existing ? (
        <Text as="p" className={styles.paragraph}>
          The document has a grade summary. Refresh it after changing grades; only the summary changes.
        </Text>
      ) : (
        <RadioGroup aria-label="Where the summary goes" value={place} disabled={busy} onChange={(_e, d) => setPlace(d.value as Place)}>
          <Radio value="cursor" label="At the cursor" />
          <Radio value="end" label="At the end of the document" />
        </RadioGroup>
      )}
      <div className={styles.actions}>
        <Button icon={existing ? <ArrowSyncRegular /> : <TableAddRegular />} disabledFocusable={busy} onClick={() => void run()}>
          {existing ? "Refresh the summary" : "Insert the summary"}
        </Button>
      </div>
      <WriteStatus state={state} source={SUMMARY_SOURCE} />
    </Section>
  );
}
