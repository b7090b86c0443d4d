import { useState } from "react";
import { Button, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { ArrowSyncRegular, TableAddRegular } from "@fluentui/react-icons";
import { SUMMARY_TITLE_PREFIX, type PlanResult, type SummaryPlace } from "../../model/plan";
import type { DocumentSnapshot, Location } from "../../model/snapshot";
import { Section, WriteStatus, useSectionStyles, type SectionProps } from "./section";
import { dayOf } from "./words";

export const SUMMARY_SOURCE = "summary";

type Place = "cursor" | "end";

/** Whether the document already holds the grade summary (its table's first cell starts with the title). */
export function hasSummary(snapshot: DocumentSnapshot): boolean {
  return snapshot.blocks.some(
    (b) => b.kind === "table" && (b.rows[0]?.cells[0]?.paragraphs[0] ?? "").trim().startsWith(SUMMARY_TITLE_PREFIX),
  );
}

export const CURSOR_IN_TABLE =
  "The cursor is in a table. Click in a paragraph between the tables (or an empty line), or choose At the end of the document.";
export const NO_CURSOR = "Word did not say where the cursor is. Click in the document, or choose At the end of the document.";

/** Where the summary goes for a cursor: after a paragraph of the body, never inside a table. */
export function placeAtCursor(snapshot: DocumentSnapshot, cursor: Location | null): SummaryPlace | string {
  if (cursor === null) return NO_CURSOR;
  if (cursor.kind === "cell") return CURSOR_IN_TABLE;
  const inBody = snapshot.blocks.some((b) => b.kind === "paragraph" && b.location.paragraph === cursor.paragraph);
  return inBody ? { kind: "after-paragraph", paragraph: cursor.paragraph } : CURSOR_IN_TABLE;
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
    const at = placeAtCursor(snapshot, await gateway.cursor());
    return typeof at === "string" ? { ok: false, reason: at } : planners.summary(snapshot, { place: at, today });
  };

  const run = (): Promise<void> =>
    write({
      source: SUMMARY_SOURCE,
      label: existing ? "Refreshing the summary…" : "Inserting the summary…",
      plan,
      done: () => (existing ? "Refreshed the grade summary" : "Inserted the grade summary"),
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
