import { useEffect, useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { formatMonth } from "../../model/dates";
import { plural } from "../words";
import type { AddedRoundRecord } from "../../model";
import { forgetAdded, readLastAdded } from "./last-added";
import { Section, WriteStatus, useSectionStyles, type SectionProps } from "./section";
import { writeFailure } from "./useWrite";
import { removedLine } from "./words";

export const REMOVE_SOURCE = "remove-update";

type Saved = { status: "reading" } | { status: "read"; record: AddedRoundRecord | null } | { status: "failed"; message: string };

/** "Recommendations 1, 2 and 3" / "Recommendation 4". */
export function recommendationList(numbers: readonly string[]): string {
  if (numbers.length === 1) return `Recommendation ${numbers[0]}`;
  return `Recommendations ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

/**
 * Remove the update just added: Word's undo is unreliable for add-in edits, so the pane removes the rows the
 * last Add inserted itself, from the record saved in the document, and only while they hold just what it wrote.
 */
export function RemoveUpdate(props: SectionProps) {
  const { gateway, snapshot, planners, busy, state, write } = props;
  const styles = useSectionStyles();
  const [saved, setSaved] = useState<Saved>({ status: "reading" });

  // Read again after every check (and so after every write): Add and Remove change the record.
  useEffect(() => {
    let live = true;
    readLastAdded(gateway).then(
      (record) => live && setSaved({ status: "read", record }),
      (error: unknown) => live && setSaved({ status: "failed", message: `Could not read which update was last added. ${writeFailure(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [gateway, snapshot]);

  const record = saved.status === "read" ? saved.record : null;

  const remove = (wanted: AddedRoundRecord): Promise<void> =>
    write({
      source: REMOVE_SOURCE,
      label: "Removing the update…",
      plan: () => planners.removeRound(snapshot, { month: wanted.month, recommendations: wanted.recommendations }),
      after: () => forgetAdded(gateway),
      afterProblem: "The update was removed, but the document could not forget it.",
      done: removedLine,
    });

  return (
    <Section id={REMOVE_SOURCE} title="Remove the update just added">
      {saved.status === "reading" && <Text className={styles.hint}>Looking for the last update added…</Text>}
      {saved.status === "failed" && <Text className={styles.problem}>{saved.message}</Text>}
      {saved.status === "read" && record === null && (
        <Text as="p" className={styles.hint}>
          Nothing to remove. This removes only an update added from this pane (the document remembers the last one),
          and only while its rows are still empty.
        </Text>
      )}
      {record && (
        <Text as="p" className={styles.paragraph}>
          Last added: the {formatMonth(record.month)} update, to {plural(record.recommendations.length, "recommendation")} (
          {recommendationList(record.recommendations)}). Its rows are removed only while they are still empty; nothing
          you have written is ever removed.
        </Text>
      )}
      <div className={styles.actions}>
        <Button
          icon={<DeleteRegular />}
          disabledFocusable={busy || record === null}
          onClick={() => record && void remove(record)}
        >
          {record ? `Remove the ${formatMonth(record.month)} update` : "Remove the update"}
        </Button>
      </div>
      <WriteStatus state={state} source={REMOVE_SOURCE} />
    </Section>
  );
}
