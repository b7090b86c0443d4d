import { useMemo } from "react";
import { Button, Text, useId } from "@fluentui/react-components";
import { CommentAddRegular, CommentDismissRegular } from "@fluentui/react-icons";
import type { SetAsideRecord } from "../../model/set-aside";
import { plural } from "../words";
import { Section, WriteStatus, useSectionStyles, type SectionProps } from "./section";
import { describePlan } from "./words";

export const COMMENTS_SOURCE = "comments";

export const NO_COMMENTS_REASON =
  "This version of Word cannot add comments from an add-in: it needs Word API 1.4 (Microsoft 365 or Word on the web; Office 2019 and 2021 do not have it).";

/** Review comments for the author: one on each cell with an error or warning; removed again without touching anyone else's. */
export function ReviewComments(props: SectionProps & { setAside: readonly SetAsideRecord[] }) {
  const { gateway, snapshot, planners, busy, state, write, setAside } = props;
  const styles = useSectionStyles();
  const reasonId = useId("comments-reason");
  const supported = gateway.capabilities().wordApi14;
  const planned = useMemo(() => planners.addComments(snapshot, setAside), [planners, snapshot, setAside]);

  const add = (): Promise<void> =>
    write({
      source: COMMENTS_SOURCE,
      label: "Adding comments…",
      plan: () => planners.addComments(snapshot, setAside),
      // Word skips a comment already there, so the count is of places, not of comments written just now.
      done: (plan) =>
        `Review comments in ${plural(plan.writes.filter((w) => w.kind === "add-comment").length, "place")} with errors or warnings; any already there were not repeated`,
    });

  const remove = (): Promise<void> =>
    write({
      source: COMMENTS_SOURCE,
      label: "Removing comments…",
      plan: () => planners.removeComments(snapshot),
      done: () => "Removed the review comments the check added",
    });

  const unavailable = supported ? {} : { "aria-describedby": reasonId };
  return (
    <Section id={COMMENTS_SOURCE} title="Review comments">
      <Text as="p" className={styles.hint}>
        A comment on each cell with an error or a warning, its text the finding, so the author sees what to put right.
        Adding again does not repeat them, and Remove takes away only these comments, never anyone else&apos;s.
      </Text>
      {supported && (
        <Text as="p" className={styles.paragraph}>
          {planned.ok ? `${describePlan(planned.plan)}.` : planned.reason}
        </Text>
      )}
      {!supported && (
        <Text as="p" id={reasonId} className={styles.problem}>
          {NO_COMMENTS_REASON}
        </Text>
      )}
      <div className={styles.actions}>
        <Button icon={<CommentAddRegular />} disabledFocusable={busy || !supported} onClick={() => void add()} {...unavailable}>
          Add review comments
        </Button>
        <Button icon={<CommentDismissRegular />} disabledFocusable={busy || !supported} onClick={() => void remove()} {...unavailable}>
          Remove review comments
        </Button>
      </div>
      <WriteStatus state={state} source={COMMENTS_SOURCE} />
    </Section>
  );
}
